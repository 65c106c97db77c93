package org.onewindow.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes and files, as lower-case hex (the names of scanned files and the manifest's digests). */
public final class Digests {
    private Digests() {
    }

    /** A file's digest and size. */
    public record Digest(String sha256, long size) {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static Digest of(Path file) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) >= 0;) {
                sha.update(buf, 0, n);
                size += n;
            }
        }
        return new Digest(HexFormat.of().formatHex(sha.digest()), size);
    }
}
