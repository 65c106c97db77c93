package org.onewindow.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

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

    /** Reads and parses a bounded JSON body; malformed JSON is a {@code MALFORMED_JSON} problem. */
    public static <T> T readJson(InputStream in, long maxBytes, TypeReference<T> type) {
        byte[] body = read(in, maxBytes);
        if (body.length == 0) {
            throw Problem.badRequest("EMPTY_BODY", "请求内容为空");
        }
        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw JsonProblems.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
