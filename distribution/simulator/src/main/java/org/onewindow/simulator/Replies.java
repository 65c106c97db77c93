package org.onewindow.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** The department simulator's answers, on both its ports: JSON, an error being {@code {"code", "message"}}. */
final class Replies {
    private static final String TYPE = "application/json; charset=utf-8";

    private final Json json = new Json();

    /** {@code body} as it is; {@code replay} the value of the {@code Idempotent-Replay} header, null for none. */
    void send(HttpExchange ex, int status, byte[] body, String replay) throws IOException {
        Exchanges.send(ex, status, TYPE, body, replay == null ? Map.of() : Map.of("Idempotent-Replay", replay));
    }

    void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, json.bytes(value), null);
    }

    void error(HttpExchange ex, int status, String code, String message) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        json(ex, status, e);
    }
}
