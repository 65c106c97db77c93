package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Cookie;
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

    private static final Authenticator CLERK_SECRET = (user, password) ->
            "clerk".equals(user) && "secret".equals(new String(password))
                    ? Optional.of(new AuthenticatedUser("clerk", Set.of("clerk"))) : Optional.empty();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30));
    private final AccessFilter filter = new AccessFilter(logins(CLERK_SECRET), sessions);

    private static Logins logins(Authenticator authenticator) {
        return new Logins(authenticator, new LoginGuard(3, Duration.ofMinutes(15)), "clerk"::equals, Clock.systemUTC());
    }

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
        AccessFilter colon = new AccessFilter(logins((user, password) -> "a:b:c".equals(new String(password))
                ? Optional.of(new AuthenticatedUser(user, Set.of())) : Optional.empty()), sessions);
        assertNotNull(colon.authenticate(basic("u", "a:b:c")).orElse(null));
    }

    @Test
    public void aSessionCookieStandsForTheUserAndChangesNeedItsCsrfToken() throws Exception {
        org.onewindow.rest.SessionStore.Session<AuthenticatedUser> s = sessions.open(new AuthenticatedUser("clerk", Set.of("clerk")), Instant.now());
        assertEquals("clerk", run("anyUser", null, "GET", s.id(), null).getUserPrincipal().getName());
        assertEquals("clerk", run("anyUser", null, "POST", s.id(), s.csrfToken()).getUserPrincipal().getName());
        assertEquals("CSRF_REJECTED", problem("anyUser", null, "POST", s.id(), null).code());
        assertEquals("CSRF_REJECTED", problem("anyUser", null, "DELETE", s.id(), s.csrfToken() + "x").code());
        assertEquals(ProblemKind.FORBIDDEN, problem("adminOnly", null, "GET", s.id(), null).kind());
        assertEquals(ProblemKind.UNAUTHORIZED, problem("anyUser", null, "GET", "forged-session-id", null).kind());
        sessions.close(s.id());
        assertEquals("a closed session is gone", ProblemKind.UNAUTHORIZED, problem("anyUser", null, "GET", s.id(), null).kind());
    }

    @Test
    public void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertProblem(ProblemKind.UNAUTHORIZED, "anyUser", basic("clerk", "wrong"));
        }
        for (int i = 0; i < 5; i++) {
            assertProblem(ProblemKind.UNAUTHORIZED, "anyUser", basic("nobody", "wrong"));
        }
        assertEquals("a name nobody has is not locked, nor counted", ProblemKind.UNAUTHORIZED,
                problem("anyUser", basic("nobody", "wrong"), "GET", null, null).kind());
        Problem locked = problem("anyUser", basic("clerk", "secret"), "GET", null, null);
        assertEquals(ProblemKind.TOO_MANY_REQUESTS, locked.kind());
        assertEquals("ACCOUNT_LOCKED", locked.code());
    }

    private void assertProblem(ProblemKind kind, String method, String header) throws Exception {
        assertEquals(kind, problem(method, header, "GET", null, null).kind());
    }

    private Problem problem(String method, String header, String httpMethod, String cookie, String csrf) throws Exception {
        try {
            run(method, header, httpMethod, cookie, csrf);
        } catch (Problem e) {
            return e;
        }
        fail("must be refused");
        return null;
    }

    private SecurityContext run(String method, String header) throws Exception {
        return run(method, header, "GET", null, null);
    }

    /** Runs the filter on a request for {@code method}; returns the security context it set. */
    private SecurityContext run(String method, String header, String httpMethod, String cookie, String csrf) throws Exception {
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
                            return "Authorization".equals(args[0]) ? header : Sessions.CSRF_HEADER.equals(args[0]) ? csrf : null;
                        case "getCookies":
                            return cookie == null ? Map.of() : Map.of(Sessions.COOKIE, new Cookie(Sessions.COOKIE, cookie));
                        case "setSecurityContext":
                            set[0] = (SecurityContext) args[0];
                            return null;
                        case "getSecurityContext":
                            return new AuthenticatedUser("none", Set.of());
                        case "getUriInfo":
                            return uri;
                        case "getMethod":
                            return httpMethod;
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
