package org.onewindow.rest;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class MultipartFilesTest {

    @Test
    public void utf8NamesReadAsLatin1AreRepaired() {
        String sent = new String("第1页.png".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("第1页.png", MultipartFiles.fileName(sent));
        assertEquals("plain.png", MultipartFiles.fileName("plain.png"));
        assertEquals("café.png", MultipartFiles.fileName("café.png"));
    }
}
