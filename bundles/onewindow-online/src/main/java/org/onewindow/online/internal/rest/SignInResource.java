package org.onewindow.online.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

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

import org.onewindow.online.internal.common.Mobiles;
import org.onewindow.online.internal.identity.CitizenAccess;
import org.onewindow.online.internal.identity.CitizenBindings;
import org.onewindow.online.internal.identity.Contact;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.SecureCookies;
import org.onewindow.rest.SessionStore;

/**
 * {@code /api/v1/public/online/sign-in}, {@code /session} and {@code /account}: a citizen signs in with a
 * code sent to their verified mobile, binds one by real-name verification where the hall offers it, and
 * sees where and when their account was signed in to.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SignInResource {
    private final CitizenAccess access;
    private final CitizenBindings bindings;

    SignInResource(CitizenAccess access, CitizenBindings bindings) {
        this.access = access;
        this.bindings = bindings;
    }

    /** How a mobile may be bound here besides at a window: {@code {"realName": true}} while the service is configured. */
    @GET
    @Path("sign-in/ways")
    public Map<String, Object> ways() {
        return Map.of("realName", access.realNameOffered());
    }

    /**
     * Body {@code {"idNumber"}} (a {@code "mobile"} may be given, and must then be the verified one); answers 202
     * with the masked mobile the code went to, or 409 {@code MOBILE_NOT_VERIFIED} with the ways to bind one.
     */
    @POST
    @Path("sign-in/code")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendCode(SignInDTO request, @Context HttpServletRequest http) {
        SignInDTO r = request == null ? new SignInDTO() : request;
        return sent(access.sendCode(r.idNumber, r.mobile, http.getRemoteAddr()));
    }

    /** Body {@code {"idNumber", "name", "mobile"}}: real-name verification; answers 202 once the code is on its way to that mobile. */
    @POST
    @Path("sign-in/real-name")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response realName(SignInDTO request, @Context HttpServletRequest http) {
        SignInDTO r = request == null ? new SignInDTO() : request;
        return sent(access.verifyRealName(r.idNumber, r.name, r.mobile, http.getRemoteAddr()));
    }

    /** Body {@code {"idNumber", "code", "channel"?}}; sets the session cookie and answers the CSRF token. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInDTO request, @Context UriInfo uri, @Context javax.ws.rs.core.HttpHeaders headers, @Context HttpServletRequest http) {
        SignInDTO r = request == null ? new SignInDTO() : request;
        SessionStore.Session<CitizenAccess.SignedIn> s = access.signIn(r.idNumber, r.code, r.channel, http.getRemoteAddr());
        return Response.ok(view(s)).header(HttpHeaders.SET_COOKIE, CitizenAccess.COOKIE + "=" + s.id() + "; Path=" + CitizenAccess.COOKIE_PATH + ";"
                + " HttpOnly; SameSite=Strict" + SecureCookies.attribute(uri, headers)).build();
    }

    @GET
    @Path("session")
    public Map<String, Object> current(@CookieParam(CitizenAccess.COOKIE) String id) {
        return view(access.session(id).orElseThrow(() -> new Problem(ProblemKind.UNAUTHORIZED, "SIGN_IN_REQUIRED", "请先登录")));
    }

    @DELETE
    @Path("session")
    public Response signOut(@CookieParam(CitizenAccess.COOKIE) String id, @Context UriInfo uri, @Context javax.ws.rs.core.HttpHeaders headers) {
        access.signOut(id);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, CitizenAccess.COOKIE + "=; Path=" + CitizenAccess.COOKIE_PATH + "; Max-Age=0;"
                + " HttpOnly; SameSite=Strict" + SecureCookies.attribute(uri, headers)).build();
    }

    /** The citizen's own account: the verified mobile (masked), how it was bound, the last sign-ins. */
    @SignedIn
    @GET
    @Path("account")
    public CitizenBindings.AccountView account(@Context HttpServletRequest http) {
        return bindings.account(CitizenFilter.citizen(http));
    }

    private static Response sent(Contact to) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sent", true);
        out.put("mobile", Mobiles.mask(to.mobile()));
        // where the number comes from, so that the page can say which of the citizen's numbers it is
        out.put("via", to.bound() ? "BOUND" : to.path().name());
        return Response.accepted(out).build();
    }

    private static Map<String, Object> view(SessionStore.Session<CitizenAccess.SignedIn> s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("idNumber", s.user().citizen().masked());
        out.put("mobile", Mobiles.mask(s.user().citizen().mobile()));
        out.put("csrfToken", s.csrfToken());
        return out;
    }

    /** A sign-in request. */
    public static class SignInDTO {
        public String idNumber;
        public String mobile;
        public String name;
        public String code;
        /** {@code WEB} or {@code KIOSK}: where the page runs, for the citizen's sign-in record. */
        public String channel;
    }
}
