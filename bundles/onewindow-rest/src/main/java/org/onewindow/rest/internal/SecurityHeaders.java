package org.onewindow.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import org.onewindow.rest.ContentSecurity;

/**
 * Headers on every API answer: no content sniffing, no framing, no referrer, no caching of answers
 * that carry citizens' data, and on pages (HTML, SVG) the console's content security policy, so that
 * a printable paper under {@code /api} runs no script and loads nothing from elsewhere.
 */
final class SecurityHeaders implements ContainerResponseFilter {
    private static final MediaType SVG = new MediaType("image", "svg+xml");

    /**
     * What a browser runs as a document: HTML and SVG. A scanned PDF or image is left without the policy,
     * which would keep the browser's own PDF viewer from showing it.
     */
    static boolean isPage(MediaType type) {
        return type != null && (type.isCompatible(MediaType.TEXT_HTML_TYPE) || type.isCompatible(SVG));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (isPage(response.getMediaType())) {
            headers.putSingle("Content-Security-Policy", ContentSecurity.POLICY);
        }
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
