package org.onewindow.online.internal.rest;

import java.util.Set;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;

import org.onewindow.online.Citizen;
import org.onewindow.online.internal.identity.CitizenAccess;

/**
 * Refuses a request to a {@link SignedIn} method without the citizen's session (or, for a change,
 * without its CSRF token) before its body is read, so that nobody signed out can send an upload, and
 * hands the signed-in citizen to the method ({@link #citizen}).
 * The staff's login filter lets these methods through ({@code @PermitAll}): a citizen is no user of the realm.
 */
@Priority(Priorities.AUTHENTICATION + 10)
final class CitizenFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CITIZEN = "org.onewindow.online.citizen";
    private final CitizenAccess access;

    @Context
    ResourceInfo resourceInfo;

    CitizenFilter(CitizenAccess access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (resourceInfo.getResourceMethod() == null || !resourceInfo.getResourceMethod().isAnnotationPresent(SignedIn.class)) {
            return;
        }
        Cookie cookie = request.getCookies().get(CitizenAccess.COOKIE);
        request.setProperty(CITIZEN, access.require(cookie == null ? null : cookie.getValue(),
                request.getHeaderString(CitizenAccess.CSRF_HEADER), !SAFE.contains(request.getMethod())));
    }

    /** The citizen this filter let through to a {@link SignedIn} method (CXF keeps request properties as servlet attributes). */
    static Citizen citizen(HttpServletRequest request) {
        Object citizen = request.getAttribute(CITIZEN);
        if (!(citizen instanceof Citizen)) {
            throw new IllegalStateException("not a @SignedIn method: no citizen checked for " + request.getRequestURI());
        }
        return (Citizen) citizen;
    }
}
