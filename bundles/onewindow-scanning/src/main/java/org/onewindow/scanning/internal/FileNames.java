package org.onewindow.scanning.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.onewindow.problem.Problem;

/** Checks the name a file was uploaded under: kept for people only, never used as a path. */
final class FileNames {
    static final int MAX = 200;

    private FileNames() {
    }

    /**
     * The name as the browser meant it: browsers send UTF-8 bytes in {@code filename="..."}, which
     * the multipart parser reads as ISO-8859-1; names that are not valid UTF-8 are left as they are.
     */
    static String fromHeader(String raw) {
        if (raw == null || raw.chars().anyMatch(c -> c > 0xFF)) {
            return raw;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return raw;
        }
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
