package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.junit.Test;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

public class AccessFilterTest {

    /** A resource as capability bundles write them. */
    public static class Resource {
        @PermitAll
        public void open() {
        }

        public void anyUser() {
        }

        @RolesAllowed("admin")
        public void adminOnly() {
        }
    }

    private final AccessFilter filter = new AccessFilter((user, password) ->
            "clerk".equals(user) && "secret".equals(new String(password))
                    ? Optional.of(new AuthenticatedUser("clerk", Set.of("clerk"))) : Optional.empty());

    @Test
    public void publicMethodsNeedNoLogin() throws Exception {
        assertNull(run("open", null));
    }

    @Test
    public void everyOtherMethodNeedsALogin() throws Exception {
        assertProblem(ProblemKind.UNAUTHORIZED, "anyUser", null);
        assertProblem(ProblemKind.UNAUTHORIZED, "anyUser", basic("clerk", "wrong"));
        assertProblem(ProblemKind.UNAUTHORIZED, "anyUser", "Basic %%%not-base64");
        assertProblem(ProblemKind.UNAUTHORIZED, "anyUser", "Bearer abc");
        SecurityContext who = run("anyUser", basic("clerk", "secret"));
        assertEquals("clerk", who.getUserPrincipal().getName());
        assertTrue(who.isUserInRole("clerk"));
    }

    @Test
    public void rolesAreCheckedOnTheServer() throws Exception {
        assertProblem(ProblemKind.FORBIDDEN, "adminOnly", basic("clerk", "secret"));
    }

    @Test
    public void passwordsMayContainColons() {
        AccessFilter colon = new AccessFilter((user, password) -> "a:b:c".equals(new String(password))
                ? Optional.of(new AuthenticatedUser(user, Set.of())) : Optional.empty());
        assertNotNull(colon.authenticate(basic("u", "a:b:c")).orElse(null));
    }

    private void assertProblem(ProblemKind kind, String method, String header) throws Exception {
        try {
            run(method, header);
            fail("must be refused");
        } catch (Problem e) {
            assertEquals(kind, e.kind());
        }
    }

    /** Runs the filter on a request for {@code method}; returns the security context it set. */
    private SecurityContext run(String method, String header) throws Exception {
        Method m = Resource.class.getMethod(method);
        filter.resourceInfo = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return m;
            }

            @Override
            public Class<?> getResourceClass() {
                return Resource.class;
            }
        };
        SecurityContext[] set = new SecurityContext[1];
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, called, args) -> "path");
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, called, args) -> {
                    switch (called.getName()) {
                        case "getHeaderString":
                            return header;
                        case "setSecurityContext":
                            set[0] = (SecurityContext) args[0];
                            return null;
                        case "getSecurityContext":
                            return new AuthenticatedUser("none", Set.of());
                        case "getUriInfo":
                            return uri;
                        case "getMethod":
                            return "GET";
                        default:
                            throw new UnsupportedOperationException(called.getName());
                    }
                });
        filter.filter(request);
        return set[0];
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
