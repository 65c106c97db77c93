package org.onewindow.access.internal.account;

import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.problem.Problem;
import org.onewindow.rest.AccountSetUp;
import org.onewindow.rest.Caller;

/**
 * {@code /api/v1/account}: every logged-in user's own account: what it must still do, the password,
 * the second factor (enrolment by QR code, recovery codes), the last logins. Open to an account that
 * still has requirements, and to nothing else of theirs until they are met.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@AccountSetUp
public class AccountResource {
    private final Accounts accounts;

    public AccountResource(Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    public Accounts.AccountDTO get(@Context SecurityContext caller) {
        return accounts.view(Caller.name(caller));
    }

    /** Body {@code {"current": "...", "password": "..."}}. */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(Map<String, String> body, @Context SecurityContext caller, @Context HttpServletRequest http) {
        String current = body == null ? null : body.get("current");
        String next = body == null ? null : body.get("password");
        if (current == null || current.isEmpty() || next == null) {
            throw Problem.badRequest("INVALID_PASSWORD_CHANGE", "current 和 password 必填");
        }
        accounts.changePassword(Caller.name(caller), current.toCharArray(), next, http == null ? "unknown" : http.getRemoteAddr());
        return Response.noContent().build();
    }

    /** Starts (or starts again) the enrolment of a second factor: the secret to type in, or its QR code to scan. */
    @POST
    @Path("second-factor")
    public Accounts.EnrolmentDTO enrol(@Context SecurityContext caller) {
        return accounts.startEnrolment(Caller.name(caller));
    }

    /** The waiting enrolment's QR code, for an authenticator app to scan. */
    @GET
    @Path("second-factor/qr")
    @Produces("image/svg+xml")
    public Response qr(@Context SecurityContext caller) {
        return Response.ok(accounts.qr(Caller.name(caller))).type("image/svg+xml").header("Cache-Control", "no-store").build();
    }

    /** Body {@code {"code": "123456"}}: the first code confirms the enrolment; the answer's recovery codes are shown once. */
    @POST
    @Path("second-factor/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> confirm(Map<String, String> body, @Context SecurityContext caller) {
        return Map.of("recoveryCodes", accounts.confirmEnrolment(Caller.name(caller), body == null ? null : body.get("code")));
    }

    /** Body {@code {"code": "123456"}}: ten new recovery codes for a current code; the old ones are void. */
    @POST
    @Path("second-factor/recovery-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> renew(Map<String, String> body, @Context SecurityContext caller) {
        return Map.of("recoveryCodes", accounts.renewRecoveryCodes(Caller.name(caller), body == null ? null : body.get("code")));
    }
}
