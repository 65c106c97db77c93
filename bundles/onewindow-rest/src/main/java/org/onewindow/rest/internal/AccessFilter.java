package org.onewindow.rest.internal;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request, by HTTP Basic against the JAAS realm or by the console's session
 * cookie, and checks the roles that the resource method (or its class) names in
 * {@code @RolesAllowed}. Secure by default: a method without {@code @PermitAll} needs a logged-in
 * user. A change made with the session cookie must carry the session's CSRF token.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    /** Methods that change nothing, and so need no CSRF token. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Logins logins;
    private final Sessions sessions;

    @Context
    ResourceInfo resourceInfo;

    AccessFilter(Logins logins, Sessions sessions) {
        this.logins = logins;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || isPublic(method, type)) {
            return;
        }
        AuthenticatedUser user = identify(request);
        String[] allowed = rolesAllowed(method, type);
        if (allowed != null && Arrays.stream(allowed).noneMatch(user::isUserInRole)) {
            LOG.warn("User {} denied {} {}: needs one of the roles {}", user.getUserPrincipal().getName(),
                    request.getMethod(), request.getUriInfo().getPath(), Arrays.toString(allowed));
            throw new Problem(ProblemKind.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作，需要角色：" + String.join("、", allowed));
        }
        request.setSecurityContext(user.over(request.getSecurityContext().isSecure()));
    }

    private AuthenticatedUser identify(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return authenticate(authorization).orElseThrow(Logins::unauthenticated);
        }
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        SessionStore.Session<AuthenticatedUser> session = sessions.find(cookie == null ? null : cookie.getValue(), Instant.now())
                .orElseThrow(Logins::unauthenticated);
        if (!SAFE.contains(request.getMethod()) && !session.csrfMatches(request.getHeaderString(Sessions.CSRF_HEADER))) {
            LOG.warn("User {} sent {} {} without the session's CSRF token", session.user().getUserPrincipal().getName(),
                    request.getMethod(), request.getUriInfo().getPath());
            throw new Problem(ProblemKind.FORBIDDEN, "CSRF_REJECTED", "请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试");
        }
        return session.user();
    }

    /** The user of an HTTP Basic header; empty when it is missing or malformed, a problem when the login fails. */
    Optional<AuthenticatedUser> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(logins.login(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
    }

    private static boolean isPublic(Method method, Class<?> type) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        return !method.isAnnotationPresent(RolesAllowed.class) && type.isAnnotationPresent(PermitAll.class);
    }

    private static String[] rolesAllowed(Method method, Class<?> type) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        return roles == null ? null : roles.value();
    }
}
