package org.onewindow.rest;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.UriInfo;

/**
 * The {@code Secure} attribute of the session cookies (the console's {@code OW_SESSION}, the citizens'
 * {@code OW_CITIZEN}): set when the request came over HTTPS, to the appliance or to a TLS-terminating proxy in front
 * of it ({@code X-Forwarded-Proto: https}). Believing that header costs nothing: it can only make a cookie
 * stricter, never send one in the clear.
 */
public final class SecureCookies {

    private SecureCookies() {
    }

    public static boolean secure(UriInfo uri, HttpHeaders headers) {
        if (uri != null && "https".equalsIgnoreCase(uri.getBaseUri().getScheme())) {
            return true;
        }
        String forwarded = headers == null ? null : headers.getHeaderString("X-Forwarded-Proto");
        return forwarded != null && "https".equalsIgnoreCase(forwarded.split(",")[0].strip());
    }

    /** {@code "; Secure"} or nothing, to end a {@code Set-Cookie} value with. */
    public static String attribute(UriInfo uri, HttpHeaders headers) {
        return secure(uri, headers) ? "; Secure" : "";
    }
}
