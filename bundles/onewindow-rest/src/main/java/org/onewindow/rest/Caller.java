package org.onewindow.rest;

import javax.ws.rs.core.SecurityContext;

/** Who made a request, for audit trails: the authenticated user name, or {@code anonymous}. */
public final class Caller {
    private Caller() {
    }

    public static String name(SecurityContext context) {
        return context == null || context.getUserPrincipal() == null ? "anonymous" : context.getUserPrincipal().getName();
    }
}
