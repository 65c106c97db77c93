package org.onewindow.evaluation.internal.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.onewindow.evaluation.EvaluationFigures;
import org.onewindow.evaluation.FiguresDTO;
import org.onewindow.evaluation.NewRatingDTO;
import org.onewindow.evaluation.PadViewDTO;
import org.onewindow.evaluation.RatableDTO;
import org.onewindow.evaluation.RatingReceiptDTO;
import org.onewindow.evaluation.Ratings;
import org.onewindow.evaluation.ReasonsDTO;
import org.onewindow.online.Citizen;
import org.onewindow.online.CitizenSessions;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.CitizensOnly;
import org.onewindow.rest.KioskGuard;
import org.onewindow.rest.RecentCounts;

/**
 * {@code /api/v1/public/evaluation}: where citizens rate, without a staff login, each way proved: the pad by its token
 * ({@value #PAD_TOKEN}), the kiosk by case number and ID suffix (guarded against guessing as the progress look-up is), the
 * online hall by the citizen's session, a text by its link. A rating sent with a member of staff's credentials is refused
 * ({@link CitizensOnly}). The hall's figures (公开评价) carry nothing personal.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicEvaluationResource {
    static final String PAD_TOKEN = "X-Pad-Token";
    private final Ratings ratings;
    private final EvaluationFigures figures;
    private final Supplier<CitizenSessions> citizens;
    private final KioskGuard guard;
    private final RecentCounts registered = new RecentCounts(Duration.ofMinutes(1));
    private final int padsPerMinute;

    PublicEvaluationResource(Ratings ratings, EvaluationFigures figures, Supplier<CitizenSessions> citizens, KioskGuard guard,
            int padsPerMinute) {
        this.ratings = ratings;
        this.figures = figures;
        this.citizens = citizens;
        this.guard = guard;
        this.padsPerMinute = padsPerMinute;
    }

    @GET
    @Path("reasons")
    public ReasonsDTO reasons() {
        return ratings.reasons();
    }

    @GET
    @Path("figures")
    public FiguresDTO figures(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("by") String by) {
        return figures.hall(from, to, EvaluationResource.dimension(by));
    }

    @POST
    @Path("pads")
    public PadViewDTO register(@Context HttpServletRequest request) {
        Instant now = Instant.now();
        if (!registered.tryAdd(request.getRemoteAddr(), padsPerMinute, now)) {
            throw Problem.tooManyRequests("TOO_MANY_PADS", "登记评价器过于频繁，请稍后再试", Duration.ofMinutes(1));
        }
        registered.sweep(now);
        return ratings.registerPad(request.getRemoteAddr());
    }

    @GET
    @Path("pad")
    public PadViewDTO pad(@HeaderParam(PAD_TOKEN) String token) {
        return ratings.forPad(token);
    }

    @POST
    @Path("pad/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @CitizensOnly
    public RatingReceiptDTO rateAtPad(@HeaderParam(PAD_TOKEN) String token, NewRatingDTO rating) {
        return ratings.rateAtPad(token, rating);
    }

    @GET
    @Path("cases/{caseNo}")
    public List<RatableDTO> forCase(@PathParam("caseNo") String caseNo, @QueryParam("idSuffix") String idSuffix,
            @Context HttpServletRequest request) {
        return guarded(caseNo, request, () -> ratings.forCase(caseNo, idSuffix));
    }

    @POST
    @Path("cases/{caseNo}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @CitizensOnly
    public RatingReceiptDTO rateCase(@PathParam("caseNo") String caseNo, @QueryParam("idSuffix") String idSuffix, NewRatingDTO rating,
            @Context HttpServletRequest request) {
        return guarded(caseNo, request, () -> ratings.rateCase(caseNo, idSuffix, rating));
    }

    @GET
    @Path("links/{token}")
    public RatableDTO forLink(@PathParam("token") String token) {
        return ratings.forLink(token);
    }

    @POST
    @Path("links/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @CitizensOnly
    public RatingReceiptDTO rateByLink(@PathParam("token") String token, NewRatingDTO rating) {
        return ratings.rateByLink(token, rating);
    }

    @GET
    @Path("online")
    public List<RatableDTO> forCitizen(@CookieParam(CitizenSessions.COOKIE) String session) {
        return ratings.forCitizen(citizen(session, null, false));
    }

    @POST
    @Path("online/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @CitizensOnly
    public RatingReceiptDTO rateAsCitizen(@CookieParam(CitizenSessions.COOKIE) String session,
            @HeaderParam(CitizenSessions.CSRF_HEADER) String csrf, NewRatingDTO rating) {
        return ratings.rateAsCitizen(citizen(session, csrf, true), rating);
    }

    private Citizen citizen(String session, String csrf, boolean change) {
        CitizenSessions s = citizens.get();
        if (s == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "ONLINE_UNAVAILABLE", "网上办事大厅暂不可用，请稍后再试");
        }
        return s.require(session, csrf, change);
    }

    private <T> T guarded(String caseNo, HttpServletRequest request, Supplier<T> lookup) {
        Instant now = Instant.now();
        if (!guard.allow(request.getRemoteAddr(), caseNo, now)) {
            throw new Problem(ProblemKind.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", "查询过于频繁，请稍后再试，或到综合窗口咨询");
        }
        try {
            return lookup.get();
        } catch (Problem e) {
            if ("CASE_NOT_FOUND".equals(e.code())) {
                guard.wrongSuffix(caseNo, now);
            }
            throw e;
        }
    }
}
