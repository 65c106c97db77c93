package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.junit.Test;
import org.onewindow.access.LoginAttempt;
import org.onewindow.access.LoginOutcome;
import org.onewindow.access.Requirement;
import org.onewindow.access.StaffLogins;
import org.onewindow.rest.AccountSetUp;
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

        @AccountSetUp
        public void ownAccount() {
        }

        @RolesAllowed({"monitor", "admin"})
        public void figures() {
        }
    }

    /** Staff logins as the access bundle answers them: clerk/secret, a second factor for boss, requirements as set. */
    static final class Logins implements StaffLogins {
        final Map<String, Set<Requirement>> requirements = new ConcurrentHashMap<>();
        final Map<String, Instant> changed = new ConcurrentHashMap<>();
        LoginAttempt last;

        @Override
        public LoginOutcome login(LoginAttempt attempt) {
            last = new LoginAttempt(attempt.user(), attempt.password().clone(), attempt.secondFactor(), attempt.client(), attempt.channel());
            String password = new String(attempt.password());
            if ("throttled".equals(attempt.user())) {
                return new LoginOutcome.Refused(LoginOutcome.Reason.CLIENT_THROTTLED, Duration.ofSeconds(8));
            }
            if ("boss".equals(attempt.user()) && "secret".equals(password)) {
                return attempt.secondFactor() == null ? new LoginOutcome.Refused(LoginOutcome.Reason.SECOND_FACTOR_REQUIRED, null)
                        : "123456".equals(attempt.secondFactor()) ? new LoginOutcome.Granted("boss", Set.of("admin"), Set.of())
                        : new LoginOutcome.Refused(LoginOutcome.Reason.SECOND_FACTOR_INVALID, null);
            }
            if (("clerk".equals(attempt.user()) && "secret".equals(password)) || ("u".equals(attempt.user()) && "a:b:c".equals(password))) {
                return new LoginOutcome.Granted(attempt.user(), Set.of("clerk"), Set.of());
            }
            if ("scraper".equals(attempt.user()) && "secret".equals(password)) {
                return new LoginOutcome.Granted("scraper", Set.of("monitor"), Set.of());
            }
            if ("operator".equals(attempt.user()) && "secret".equals(password)) {
                return new LoginOutcome.Granted("operator", Set.of("ssh", "manager"), Set.of());
            }
            return new LoginOutcome.Refused(LoginOutcome.Reason.BAD_CREDENTIALS, null);
        }

        @Override
        public Instant changedAt(String user) {
            return changed.get(user);
        }

        @Override
        public Set<Requirement> requirements(String user) {
            return requirements.getOrDefault(user, Set.of());
        }
    }

    private final Logins logins = new Logins();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30));
    private final AccessFilter filter = new AccessFilter(new StaffAccess(logins), sessions);

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
        assertEquals(LoginAttempt.Channel.BASIC, logins.last.channel());
    }

    @Test
    public void unknownUsersWrongPasswordsAndLocksGetOneAnswer() throws Exception {
        assertEquals("UNAUTHENTICATED", problem("anyUser", basic("clerk", "wrong"), "GET", null, null).code());
        assertEquals("UNAUTHENTICATED", problem("anyUser", basic("nobody", "secret"), "GET", null, null).code());
    }

    @Test
    public void aThrottledClientIsToldHowLongToWait() throws Exception {
        Problem p = problem("anyUser", basic("throttled", "x"), "GET", null, null);
        assertEquals(ProblemKind.TOO_MANY_REQUESTS, p.kind());
        assertEquals("TOO_MANY_ATTEMPTS", p.code());
        assertEquals(Duration.ofSeconds(8), p.retryAfter());
    }

    @Test
    public void theSecondFactorTravelsInItsHeader() throws Exception {
        assertEquals("SECOND_FACTOR_REQUIRED", problem("anyUser", basic("boss", "secret"), "GET", null, null).code());
        assertEquals("SECOND_FACTOR_INVALID", problem("anyUser", basic("boss", "secret"), "GET", null, null, "654321").code());
        assertEquals("boss", run("adminOnly", basic("boss", "secret"), "GET", null, null, "123456").getUserPrincipal().getName());
    }

    @Test
    public void rolesAreCheckedOnTheServer() throws Exception {
        assertProblem(ProblemKind.FORBIDDEN, "adminOnly", basic("clerk", "secret"));
    }

    @Test
    public void aUserWithoutAnyOfOneWindowsRolesReachesNothingButTheirAccount() throws Exception {
        assertEquals("FORBIDDEN", problem("anyUser", basic("operator", "secret"), "GET", null, null).code());
        assertEquals("operator", run("ownAccount", basic("operator", "secret")).getUserPrincipal().getName());
    }

    @Test
    public void aMonitorReachesOnlyWhatNamesItsRoleAndItsOwnAccount() throws Exception {
        assertEquals("scraper", run("figures", basic("scraper", "secret")).getUserPrincipal().getName());
        assertEquals("a method naming no role is for people", "FORBIDDEN", problem("anyUser", basic("scraper", "secret"), "GET", null, null).code());
        assertEquals("FORBIDDEN", problem("adminOnly", basic("scraper", "secret"), "GET", null, null).code());
        assertEquals("scraper", run("ownAccount", basic("scraper", "secret")).getUserPrincipal().getName());
        assertEquals("FORBIDDEN", problem("figures", basic("clerk", "secret"), "GET", null, null).code());
    }

    @Test
    public void anAccountWithRequirementsReachesOnlyItsOwnAccount() throws Exception {
        logins.requirements.put("clerk", EnumSet.of(Requirement.CHANGE_PASSWORD));
        assertEquals("PASSWORD_CHANGE_REQUIRED", problem("anyUser", basic("clerk", "secret"), "GET", null, null).code());
        assertEquals("clerk", run("ownAccount", basic("clerk", "secret")).getUserPrincipal().getName());
        logins.requirements.put("clerk", EnumSet.of(Requirement.ENROL_SECOND_FACTOR));
        assertEquals("SECOND_FACTOR_ENROLMENT_REQUIRED", problem("anyUser", basic("clerk", "secret"), "GET", null, null).code());
        logins.requirements.remove("clerk");
        assertEquals("clerk", run("anyUser", basic("clerk", "secret")).getUserPrincipal().getName());
    }

    @Test
    public void passwordsMayContainColons() {
        assertNotNull(filter.authenticate(basic("u", "a:b:c"), null).orElse(null));
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
    public void aSessionEndsWhenSomeoneElseChangesTheAccount() throws Exception {
        org.onewindow.rest.SessionStore.Session<AuthenticatedUser> s = sessions.open(new AuthenticatedUser("clerk", Set.of("clerk")),
                Instant.now().minusSeconds(60));
        logins.changed.put("clerk", Instant.now().minusSeconds(120));
        assertEquals("a change before the login leaves it", "clerk", run("anyUser", null, "GET", s.id(), null).getUserPrincipal().getName());
        logins.changed.put("clerk", Instant.now());
        assertEquals(ProblemKind.UNAUTHORIZED, problem("anyUser", null, "GET", s.id(), null).kind());
        assertEquals("and it stays closed", ProblemKind.UNAUTHORIZED, problem("anyUser", null, "GET", s.id(), null).kind());
    }

    private void assertProblem(ProblemKind kind, String method, String header) throws Exception {
        assertEquals(kind, problem(method, header, "GET", null, null).kind());
    }

    private Problem problem(String method, String header, String httpMethod, String cookie, String csrf) throws Exception {
        return problem(method, header, httpMethod, cookie, csrf, null);
    }

    private Problem problem(String method, String header, String httpMethod, String cookie, String csrf, String code) throws Exception {
        try {
            run(method, header, httpMethod, cookie, csrf, code);
        } catch (Problem e) {
            return e;
        }
        fail("must be refused");
        return null;
    }

    private SecurityContext run(String method, String header) throws Exception {
        return run(method, header, "GET", null, null);
    }

    private SecurityContext run(String method, String header, String httpMethod, String cookie, String csrf) throws Exception {
        return run(method, header, httpMethod, cookie, csrf, null);
    }

    /** Runs the filter on a request for {@code method}; returns the security context it set. */
    private SecurityContext run(String method, String header, String httpMethod, String cookie, String csrf, String code) throws Exception {
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
                            return "Authorization".equals(args[0]) ? header : Sessions.CSRF_HEADER.equals(args[0]) ? csrf
                                    : AccessFilter.SECOND_FACTOR_HEADER.equals(args[0]) ? code : null;
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
