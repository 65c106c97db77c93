package org.onewindow.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;

/** What the simulators' HTTP handlers share: reading a request's body and sending the answer. */
final class Exchanges {
    private Exchanges() {
    }

    /** What a handler does with a request. */
    interface Handler {
        void handle() throws IOException, GeneralSecurityException;
    }

    /** How a handler answers a request it could not take (a body that is not JSON, bad input, a signature it could not check). */
    interface Refusal {
        void answer(Exception e) throws IOException;
    }

    /**
     * Runs {@code handler}, answers with {@code refusal} when it fails on the request, and closes the exchange after
     * either. Not one try-with-resources with a catch: that closes the exchange before the catch answers, and the
     * client sees the connection dropped instead of a 400.
     */
    static void answer(HttpExchange ex, Handler handler, Refusal refusal) throws IOException {
        try (ex) {
            try {
                handler.handle();
            } catch (GeneralSecurityException | JsonProcessingException | RuntimeException e) {
                refusal.answer(e);
            }
        }
    }

    /** The request body, or null when it is over {@code max} bytes. */
    static byte[] readBody(HttpExchange ex, int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    /** Reads the request body away unread, so that the connection can take the next request. */
    static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** {@code body}, or {@code {}} when it is empty: an admin command without a body has no arguments. */
    static byte[] orEmpty(byte[] body) {
        return body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
    }

    /** Answers {@code status} with {@code body} of {@code type} and the {@code headers}; no body for an empty one. */
    static void send(HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (body.length > 0) {
                out.write(body);
            }
        }
    }
}
