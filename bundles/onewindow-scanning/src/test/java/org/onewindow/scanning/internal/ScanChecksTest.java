package org.onewindow.scanning.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class ScanChecksTest {

    @Test
    public void typesComeFromTheBytes() {
        assertEquals("image/jpeg", detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals("image/png", detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}));
        assertEquals("application/pdf", detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertNull("a Windows executable named .pdf", detect(new byte[] {'M', 'Z', (byte) 0x90, 0}));
        assertNull("a shell script", detect("#!/bin/sh".getBytes(StandardCharsets.US_ASCII)));
        assertNull("too short", detect(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }

    @Test
    public void fileNamesAreNeverPaths() {
        assertEquals("身份证正面.jpg", FileNames.check(" 身份证正面.jpg "));
        for (String bad : List.of("../x.pdf", "a/b.pdf", "a\\b.pdf", "C:x.pdf", "", "x".repeat(201))) {
            try {
                FileNames.check(bad);
                fail("must be refused: " + bad);
            } catch (Problem e) {
                assertEquals("INVALID_FILE_NAME", e.code());
            }
        }
        // a name that reads as a PDF but is an executable (U+202E), control characters, a line break
        for (String bad : List.of("\u202Efdp.exe", "x\u0000.pdf", "x\u001B[31m.pdf", "a\r\nb.pdf", "\u2066x.pdf\u2069", "x\u200F.pdf")) {
            try {
                FileNames.check(bad);
                fail("must be refused: " + bad);
            } catch (Problem e) {
                assertEquals("INVALID_TEXT", e.code());
                assertEquals("file", e.details().get(0).field);
            }
        }
    }

    @Test
    public void storeKeepsIdenticalBytesOnceAndNothingOnFailure() throws IOException {
        Path root = Files.createTempDirectory("scans");
        ContentStore store = new ContentStore(root);
        ContentStore.Received a = store.receive(new ByteArrayInputStream("same bytes".getBytes(StandardCharsets.UTF_8)), 100);
        ContentStore.Received b = store.receive(new ByteArrayInputStream("same bytes".getBytes(StandardCharsets.UTF_8)), 100);
        assertEquals(a.sha256(), b.sha256());
        assertTrue(store.keep(a));
        assertFalse(store.keep(b));
        assertArrayEquals("same bytes".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(store.path(a.sha256())));
        try {
            store.receive(new ByteArrayInputStream(new byte[101]), 100);
            fail("over the limit");
        } catch (Problem e) {
            assertEquals("PAYLOAD_TOO_LARGE", e.code());
        }
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
            assertEquals("no half upload left", 0, tmp.count());
        }
        store.delete(a.sha256());
        assertFalse(Files.exists(store.path(a.sha256())));
    }

    private static String detect(byte[] head) {
        return ContentTypes.detect(head, head.length);
    }
}
