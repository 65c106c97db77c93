package org.onewindow.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/** Reads request bodies with an upper bound, so an oversized upload is refused before it is parsed. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** The bytes of {@code in}, or a {@code PAYLOAD_TOO_LARGE} problem past {@code maxBytes}. */
    public static byte[] read(InputStream in, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        try {
            for (int n; (n = in.read(buf)) >= 0;) {
                total += n;
                if (total > maxBytes) {
                    throw new Problem(ProblemKind.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                            "请求内容超过上限 " + maxBytes + " 字节");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
