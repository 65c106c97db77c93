package org.onewindow.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.Response;

/** A citizen's paper served for reading in the browser: its own name, never sniffed, never cached. */
public final class Downloads {
    private Downloads() {
    }

    /** {@code entity} (bytes or a file) as {@code contentType}, inline under {@code fileName} (RFC 6266, UTF-8). */
    public static Response inline(Object entity, String contentType, String fileName) {
        return Response.ok(entity, contentType)
                .header("Content-Disposition", "inline; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
