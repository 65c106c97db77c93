package org.onewindow.online.internal;

import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;

/**
 * Refuses a request to a {@link SignedIn} method without the citizen's session (or, for a change,
 * without its CSRF token) before its body is read, so that nobody signed out can send an upload.
 * The staff's login filter lets these methods through ({@code @PermitAll}): a citizen is no user of the realm.
 */
@Priority(Priorities.AUTHENTICATION + 10)
final class CitizenFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
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
        access.require(cookie == null ? null : cookie.getValue(), request.getHeaderString(CitizenAccess.CSRF_HEADER),
                !SAFE.contains(request.getMethod()));
    }
}
