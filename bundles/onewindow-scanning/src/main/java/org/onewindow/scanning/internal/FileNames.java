package org.onewindow.scanning.internal;

import org.onewindow.problem.Problem;
import org.onewindow.problem.Texts;

/**
 * Checks the name a file was uploaded under: kept for people only, never used as a path. Control
 * and bidirectional characters are refused by {@link Texts} ({@code INVALID_TEXT}): {@code ‮fdp.exe}
 * must not read as a PDF.
 */
final class FileNames {
    static final int MAX = 200;
    static final String FIELD = "file";

    private FileNames() {
    }

    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw Problem.badRequest("INVALID_FILE_NAME", "文件名必填");
        }
        Texts.singleLine(FIELD, name);
        String n = name.strip();
        if (n.length() > MAX || n.contains("/") || n.contains("\\") || n.contains("..") || n.contains(":")) {
            throw Problem.badRequest("INVALID_FILE_NAME", "文件名不能含路径或超过 " + MAX + " 字");
        }
        return n;
    }
}
