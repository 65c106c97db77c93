package org.onewindow.rest.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.onewindow.access.LoginAttempt;
import org.onewindow.problem.Problem;
import org.onewindow.rest.Json;
import org.onewindow.rest.SecureCookies;
import org.onewindow.rest.RequestBodies;
import org.onewindow.rest.SessionStore;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * {@code /api/v1/session}: the console's login. A login sets the session cookie ({@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} over HTTPS) and answers the CSRF token the page must send
 * with every change, and what the account must still do; a logout ends the session. An account with
 * a second factor answers {@code 401 SECOND_FACTOR_REQUIRED} to the right password alone: the page
 * then asks for the code and sends all three.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final int MAX_BODY = 4096;
    private final StaffAccess access;
    private final Sessions sessions;

    SessionResource(StaffAccess access, Sessions sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    /** Body {@code {"username": "...", "password": "...", "code": "123456"}} ({@code code} only for accounts with a second factor). */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(InputStream body, @Context UriInfo uri, @Context javax.ws.rs.core.HttpHeaders headers, @Context HttpServletRequest http) {
        Map<String, String> fields = Json.read(RequestBodies.read(body, MAX_BODY), FIELDS);
        String name = fields == null ? null : fields.get("username");
        String password = fields == null ? null : fields.get("password");
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            throw Problem.badRequest("INVALID_LOGIN", "username 和 password 必填");
        }
        String code = fields.get("code");
        AuthenticatedUser user = access.login(name.strip(), password.toCharArray(), code == null || code.isBlank() ? null : code.strip(),
                AccessFilter.client(http), LoginAttempt.Channel.CONSOLE);
        Instant now = Instant.now();
        sessions.sweep(now);
        SessionStore.Session<AuthenticatedUser> session = sessions.open(user, now);
        return Response.ok(view(session)).header(HttpHeaders.SET_COOKIE, cookie(session.id(), SecureCookies.secure(uri, headers)))
                .build();
    }

    @GET
    @PermitAll
    public SessionDTO current(@CookieParam(Sessions.COOKIE) String id) {
        SessionStore.Session<AuthenticatedUser> session = sessions.find(id, Instant.now()).orElseThrow(StaffAccess::unauthenticated);
        if (!access.stands(session)) {
            sessions.close(id);
            throw StaffAccess.unauthenticated();
        }
        return view(session);
    }

    @DELETE
    @PermitAll
    public Response logout(@CookieParam(Sessions.COOKIE) String id, @Context UriInfo uri, @Context javax.ws.rs.core.HttpHeaders headers) {
        sessions.close(id);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + SecureCookies.attribute(uri, headers)).build();
    }

    static String cookie(String id, boolean secure) {
        return Sessions.COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private SessionDTO view(SessionStore.Session<AuthenticatedUser> s) {
        SessionDTO dto = new SessionDTO();
        dto.user = s.user().getUserPrincipal().getName();
        dto.roles = List.copyOf(new TreeSet<>(s.user().roles()));
        dto.requirements = access.requirements(s.user()).stream().map(Enum::name).sorted().toList();
        dto.csrfToken = s.csrfToken();
        dto.idleMinutes = sessions.idle().toMinutes();
        return dto;
    }

    /** A logged-in console session, as the page sees it. */
    public static class SessionDTO {
        public String user;
        /** Every role, OneWindow's ({@code clerk}, ...) and departments ({@code dept-GA}). */
        public List<String> roles;
        /**
         * What the account must do before anything else ({@code CHANGE_PASSWORD}, {@code ENROL_SECOND_FACTOR}),
         * empty when nothing; until then only {@code /api/v1/account} answers.
         */
        public List<String> requirements;
        /** Send it as {@code X-CSRF-Token} with every request that changes something. */
        public String csrfToken;
        /** The session ends after this long without a request. */
        public long idleMinutes;
    }
}
