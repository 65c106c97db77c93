package org.onewindow.evaluation.internal.rest;

import java.util.List;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.evaluation.EvaluationFigures;
import org.onewindow.evaluation.FigureDimension;
import org.onewindow.evaluation.FiguresDTO;
import org.onewindow.evaluation.FollowUpDTO;
import org.onewindow.evaluation.PadDTO;
import org.onewindow.evaluation.RatingDTO;
import org.onewindow.evaluation.RatingPads;
import org.onewindow.evaluation.RatingReasons;
import org.onewindow.evaluation.ReasonsDTO;
import org.onewindow.evaluation.RectificationDTO;
import org.onewindow.evaluation.Rectifications;
import org.onewindow.evaluation.VerificationDTO;
import org.onewindow.problem.Problem;
import org.onewindow.rest.Caller;

/**
 * {@code /api/v1/evaluation}: the staff's side of 好差评. Supervisors read the ratings and work the bad ones through
 * (核实, 整改, 回访); supervisors and the system administrator read the figures and the reasons' versions; the system
 * administrator binds rating pads to windows and publishes a new list of reasons. Nobody here learns who gave a rating.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
public class EvaluationResource {
    private final Rectifications rectifications;
    private final EvaluationFigures figures;
    private final RatingPads pads;
    private final RatingReasons reasons;

    EvaluationResource(Rectifications rectifications, EvaluationFigures figures, RatingPads pads, RatingReasons reasons) {
        this.rectifications = rectifications;
        this.figures = figures;
        this.pads = pads;
        this.reasons = reasons;
    }

    @GET
    @Path("reasons")
    public List<ReasonsDTO> reasonVersions(@Context SecurityContext caller) {
        return reasons.versions(Caller.actor(caller));
    }

    /** Body: the new list, {@code [{"code": "SLOW", "label": "…", "kind": "WINDOW"}, …]}. */
    @PUT
    @Path("reasons")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public ReasonsDTO publishReasons(List<ReasonsDTO.ReasonDTO> list, @Context SecurityContext caller) {
        return reasons.publish(list, Caller.actor(caller));
    }

    @GET
    @Path("figures")
    public FiguresDTO figures(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("by") String by,
            @QueryParam("department") String department, @Context SecurityContext caller) {
        return figures.figures(from, to, dimension(by), department, Caller.actor(caller));
    }

    @GET
    @Path("ratings")
    @RolesAllowed("supervisor")
    public List<RatingDTO> ratings(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("level") Integer level,
            @QueryParam("limit") Integer limit, @Context SecurityContext caller) {
        return rectifications.ratings(from, to, level, limit == null ? 100 : limit, Caller.actor(caller));
    }

    @GET
    @Path("rectifications")
    @RolesAllowed("supervisor")
    public List<RectificationDTO> rectifications(@QueryParam("all") boolean all, @Context SecurityContext caller) {
        return rectifications.list(!all, Caller.actor(caller));
    }

    @GET
    @Path("rectifications/{id}")
    @RolesAllowed("supervisor")
    public RectificationDTO rectification(@PathParam("id") long id, @Context SecurityContext caller) {
        return rectifications.get(id, Caller.actor(caller));
    }

    @POST
    @Path("rectifications/{id}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    public RectificationDTO verify(@PathParam("id") long id, VerificationDTO verification, @Context SecurityContext caller) {
        return rectifications.verify(id, verification, Caller.actor(caller));
    }

    /** Body {@code {"action": "…"}}. */
    @POST
    @Path("rectifications/{id}/put-right")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    public RectificationDTO putRight(@PathParam("id") long id, Map<String, String> body, @Context SecurityContext caller) {
        return rectifications.putRight(id, body == null ? null : body.get("action"), Caller.actor(caller));
    }

    @POST
    @Path("rectifications/{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("supervisor")
    public RectificationDTO followUp(@PathParam("id") long id, FollowUpDTO followUp, @Context SecurityContext caller) {
        return rectifications.followUp(id, followUp, Caller.actor(caller));
    }

    @GET
    @Path("pads")
    @RolesAllowed("admin")
    public List<PadDTO> pads(@Context SecurityContext caller) {
        return pads.pads(Caller.actor(caller));
    }

    /** Body {@code {"pairingCode": "123456", "windowNo": 3}}. */
    @POST
    @Path("pads/{id}/bind")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public PadDTO bind(@PathParam("id") long id, Map<String, Object> body, @Context SecurityContext caller) {
        Object code = body == null ? null : body.get("pairingCode");
        Object window = body == null ? null : body.get("windowNo");
        if (!(window instanceof Number n)) {
            throw Problem.badRequest("INVALID_WINDOW", "请给出窗口号 windowNo");
        }
        return pads.bind(id, code == null ? null : code.toString(), n.intValue(), Caller.actor(caller));
    }

    @DELETE
    @Path("pads/{id}")
    @RolesAllowed("admin")
    public void remove(@PathParam("id") long id, @Context SecurityContext caller) {
        pads.remove(id, Caller.actor(caller));
    }

    static FigureDimension dimension(String by) {
        if (by == null || by.isBlank()) {
            return FigureDimension.DEPARTMENT;
        }
        try {
            return FigureDimension.valueOf(by.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("INVALID_DIMENSION", "统计维度须为 DEPARTMENT、ITEM、WINDOW、CLERK、CHANNEL、DAY 或 MONTH");
        }
    }
}
