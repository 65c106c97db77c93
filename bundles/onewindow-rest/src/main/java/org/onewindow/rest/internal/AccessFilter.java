package org.onewindow.rest.internal;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request by HTTP Basic against the JAAS realm and checks the roles that the
 * resource method (or its class) names in {@code @RolesAllowed}. Secure by default: a method
 * without {@code @PermitAll} needs a logged-in user.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    private final Authenticator authenticator;

    @Context
    ResourceInfo resourceInfo;

    AccessFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || isPublic(method, type)) {
            return;
        }
        AuthenticatedUser user = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElseThrow(() -> new Problem(ProblemKind.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录（用户名和密码不正确或缺失）"));
        String[] allowed = rolesAllowed(method, type);
        if (allowed != null && Arrays.stream(allowed).noneMatch(user::isUserInRole)) {
            LOG.warn("User {} denied {} {}: needs one of the roles {}", user.getUserPrincipal().getName(),
                    request.getMethod(), request.getUriInfo().getPath(), Arrays.toString(allowed));
            throw new Problem(ProblemKind.FORBIDDEN, "FORBIDDEN", "当前用户无权执行此操作，需要角色：" + String.join("、", allowed));
        }
        request.setSecurityContext(user.over(request.getSecurityContext().isSecure()));
    }

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
        String name = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        try {
            Optional<AuthenticatedUser> user = authenticator.authenticate(name, password);
            if (user.isEmpty()) {
                LOG.warn("Failed login for user {}", name);
            }
            return user;
        } finally {
            Arrays.fill(password, '\0');
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
