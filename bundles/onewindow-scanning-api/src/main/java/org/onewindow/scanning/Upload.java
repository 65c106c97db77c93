package org.onewindow.scanning;

import java.io.InputStream;

/** A file handed to the scanner: its name as given and its bytes. */
public record Upload(String fileName, InputStream content) {
}
