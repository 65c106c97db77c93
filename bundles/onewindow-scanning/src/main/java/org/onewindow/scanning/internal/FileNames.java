package org.onewindow.scanning.internal;

import org.onewindow.problem.Problem;

/** Checks the name a file was uploaded under: kept for people only, never used as a path. */
final class FileNames {
    static final int MAX = 200;

    private FileNames() {
    }

    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw Problem.badRequest("INVALID_FILE_NAME", "文件名必填");
        }
        String n = name.strip();
        if (n.length() > MAX || n.contains("/") || n.contains("\\") || n.contains("..") || n.chars().anyMatch(c -> c < 0x20 || c == 0x7F)
                || n.contains(":")) {
            throw Problem.badRequest("INVALID_FILE_NAME", "文件名不能含路径、控制字符或超过 " + MAX + " 字");
        }
        return n;
    }
}
