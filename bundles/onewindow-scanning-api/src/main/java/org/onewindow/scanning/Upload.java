package org.onewindow.scanning;

import java.io.InputStream;

/** A file handed to the scanner: its name as given and its bytes. */
public final class Upload {
    private final String fileName;
    private final InputStream content;

    public Upload(String fileName, InputStream content) {
        this.fileName = fileName;
        this.content = content;
    }

    public String fileName() {
        return fileName;
    }

    public InputStream content() {
        return content;
    }
}
