package org.onewindow.online.internal;

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

import org.onewindow.online.Citizen;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.SessionStore;

/** {@code /api/v1/public/online/sign-in} and {@code /session}: a citizen signs in with a code sent to their mobile. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SignInResource {
    private final CitizenAccess access;

    SignInResource(CitizenAccess access) {
        this.access = access;
    }

    /** Body {@code {"idNumber", "mobile"}}; answers 202 once the code is on its way. */
    @POST
    @Path("sign-in/code")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendCode(SignInDTO request, @Context HttpServletRequest http) {
        SignInDTO r = request == null ? new SignInDTO() : request;
        access.sendCode(r.idNumber, r.mobile, http.getRemoteAddr());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sent", true);
        out.put("mobile", Mobiles.mask(Mobiles.check(r.mobile)));
        return Response.accepted(out).build();
    }

    /** Body {@code {"idNumber", "code"}}; sets the session cookie and answers the CSRF token. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInDTO request, @Context UriInfo uri) {
        SignInDTO r = request == null ? new SignInDTO() : request;
        SessionStore.Session<Citizen> s = access.signIn(r.idNumber, r.code);
        return Response.ok(view(s)).header(HttpHeaders.SET_COOKIE, CitizenAccess.COOKIE + "=" + s.id() + "; Path=/api/v1/public/online;"
                + " HttpOnly; SameSite=Strict" + secure(uri)).build();
    }

    @GET
    @Path("session")
    public Map<String, Object> current(@CookieParam(CitizenAccess.COOKIE) String id) {
        return view(access.session(id).orElseThrow(() -> new Problem(ProblemKind.UNAUTHORIZED, "SIGN_IN_REQUIRED", "请先登录")));
    }

    @DELETE
    @Path("session")
    public Response signOut(@CookieParam(CitizenAccess.COOKIE) String id, @Context UriInfo uri) {
        access.signOut(id);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, CitizenAccess.COOKIE + "=; Path=/api/v1/public/online; Max-Age=0;"
                + " HttpOnly; SameSite=Strict" + secure(uri)).build();
    }

    private static String secure(UriInfo uri) {
        return "https".equals(uri.getBaseUri().getScheme()) ? "; Secure" : "";
    }

    private static Map<String, Object> view(SessionStore.Session<Citizen> s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("idNumber", s.user().masked());
        out.put("mobile", Mobiles.mask(s.user().mobile()));
        out.put("csrfToken", s.csrfToken());
        return out;
    }

    /** A sign-in request. */
    public static class SignInDTO {
        public String idNumber;
        public String mobile;
        public String code;
    }
}
