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
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

import org.onewindow.access.LoginAttempt;
import org.onewindow.access.Requirement;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.AccountSetUp;
import org.onewindow.rest.CitizensOnly;
import org.onewindow.rest.SessionStore;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request, by HTTP Basic (with the second factor in {@value #SECOND_FACTOR_HEADER}
 * where the account has one) or by the console's session cookie, and checks the roles that the
 * resource method (or its class) names in {@code @RolesAllowed}. Secure by default: a method without
 * {@code @PermitAll} needs a logged-in user holding one of OneWindow's roles. A change made with the
 * session cookie must carry the session's CSRF token. A user whose account still requires something
 * (a new password, a second factor) reaches only the methods marked {@link AccountSetUp}.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter {
    static final String SECOND_FACTOR_HEADER = "X-OneWindow-OTP";
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    /** Methods that change nothing, and so need no CSRF token. */
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final StaffAccess access;
    private final Sessions sessions;

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest http;

    AccessFilter(StaffAccess access, Sessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null) {
            return;
        }
        if (isPublic(method, type)) {
            if (method.isAnnotationPresent(CitizensOnly.class) || type.isAnnotationPresent(CitizensOnly.class)) {
                refuseStaff(request);
            }
            return;
        }
        AuthenticatedUser user = identify(request);
        String name = user.getUserPrincipal().getName();
        String[] allowed = rolesAllowed(method, type);
        if (!method.isAnnotationPresent(AccountSetUp.class) && !type.isAnnotationPresent(AccountSetUp.class)) {
            Set<Requirement> unmet = access.requirements(user);
            if (!unmet.isEmpty()) {
                throw StaffAccess.unmet(unmet.iterator().next());
            }
            // a method naming no role is open to the people's roles: a monitor's account reaches only what names it
            if (allowed == null && Actor.PEOPLE.stream().noneMatch(user::isUserInRole)) {
                LOG.warn("User {} denied {} {}.{}: holds none of OneWindow's roles for people", name, request.getMethod(), type.getSimpleName(),
                        method.getName());
                throw forbidden(Actor.PEOPLE.toArray(String[]::new));
            }
        }
        if (allowed != null && Arrays.stream(allowed).noneMatch(user::isUserInRole)) {
            // the path can name a citizen (an ID number): the log keeps the method and the resource's Java name only
            LOG.warn("User {} denied {} {}.{}: needs one of the roles {}", name, request.getMethod(), type.getSimpleName(),
                    method.getName(), Arrays.toString(allowed));
            throw forbidden(allowed);
        }
        request.setSecurityContext(user.over(request.getSecurityContext().isSecure()).from(client(http)));
    }

    /** A citizens-only method called with a member of staff's credentials: refused whoever it is, never acted on. */
    private void refuseStaff(ContainerRequestContext request) {
        boolean staff = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        if (!staff) {
            Cookie cookie = request.getCookies().get(Sessions.COOKIE);
            staff = cookie != null && sessions.find(cookie.getValue(), Instant.now()).isPresent();
        }
        if (staff) {
            LOG.warn("Staff credentials sent to the citizens-only {}.{}: refused", resourceInfo.getResourceClass().getSimpleName(),
                    resourceInfo.getResourceMethod().getName());
            throw new Problem(ProblemKind.FORBIDDEN, "STAFF_REFUSED", "此操作仅限办事群众本人，工作人员不能代为操作（请退出工作人员登录）");
        }
    }

    private static Problem forbidden(String[] allowed) {
        return new Problem(ProblemKind.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作，需要角色：" + String.join("、", allowed));
    }

    private AuthenticatedUser identify(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return authenticate(authorization, request.getHeaderString(SECOND_FACTOR_HEADER)).orElseThrow(StaffAccess::unauthenticated);
        }
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        String id = cookie == null ? null : cookie.getValue();
        SessionStore.Session<AuthenticatedUser> session = sessions.find(id, Instant.now()).orElseThrow(StaffAccess::unauthenticated);
        if (!access.stands(session)) {
            sessions.close(id);
            LOG.info("Session of {} ended: the account was changed since the login", session.user().getUserPrincipal().getName());
            throw StaffAccess.unauthenticated();
        }
        if (!SAFE.contains(request.getMethod()) && !session.csrfMatches(request.getHeaderString(Sessions.CSRF_HEADER))) {
            LOG.warn("User {} sent {} without the session's CSRF token", session.user().getUserPrincipal().getName(), request.getMethod());
            throw new Problem(ProblemKind.FORBIDDEN, "CSRF_REJECTED", "请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试");
        }
        return session.user();
    }

    /** The user of an HTTP Basic header; empty when it is missing or malformed, a problem when the login fails. */
    Optional<AuthenticatedUser> authenticate(String header, String secondFactor) {
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
        return Optional.of(access.login(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(), secondFactor,
                client(http), LoginAttempt.Channel.BASIC));
    }

    /** The client's address, which lock-outs are kept per; {@code unknown} outside a servlet request (tests). */
    static String client(HttpServletRequest http) {
        try {
            return http == null || http.getRemoteAddr() == null ? "unknown" : http.getRemoteAddr();
        } catch (IllegalStateException | NullPointerException outsideARequest) {
            return "unknown";
        }
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
