package org.onewindow.intake.internal.rest;

import java.time.Instant;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.onewindow.intake.IntakeService;
import org.onewindow.intake.PublicStatusDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.KioskGuard;

/** {@code /api/v1/public/cases}: a case's status for its applicant at a kiosk, without login, guarded against guessing. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicCaseResource {
    private final IntakeService intake;
    private final KioskGuard guard;

    PublicCaseResource(IntakeService intake, KioskGuard guard) {
        this.intake = intake;
        this.guard = guard;
    }

    @GET
    @Path("{caseNo}/status")
    public PublicStatusDTO status(@PathParam("caseNo") String caseNo, @QueryParam("idSuffix") String idSuffix,
            @Context HttpServletRequest request) {
        Instant now = Instant.now();
        if (!guard.allow(request.getRemoteAddr(), caseNo, now)) {
            throw new Problem(ProblemKind.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", "查询过于频繁，请稍后再试，或到综合窗口咨询");
        }
        try {
            return intake.publicStatus(caseNo, idSuffix);
        } catch (Problem e) {
            if ("CASE_NOT_FOUND".equals(e.code())) {
                guard.wrongSuffix(caseNo, now);
            }
            throw e;
        }
    }
}
