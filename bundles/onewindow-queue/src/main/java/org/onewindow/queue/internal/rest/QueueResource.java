package org.onewindow.queue.internal.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
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

import org.onewindow.problem.Problem;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.QueueFiguresDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.QueueReportDTO;
import org.onewindow.queue.QueueService;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketIntakeDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TransferDTO;
import org.onewindow.queue.WindowDTO;
import org.onewindow.rest.Caller;

/**
 * {@code /api/v1/queue}: the staff's side of the queue. The desk takes numbers and checks appointments in; a clerk signs
 * in at a window and calls there ({@code window/...} is always the caller's own window); administrators set the groups,
 * administrators and supervisors which groups a window serves.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clerk", "supervisor", "admin"})
public class QueueResource {
    private final QueueService queue;

    QueueResource(QueueService queue) {
        this.queue = queue;
    }

    @PUT
    @Path("groups/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public QueueGroupDTO saveGroup(@PathParam("code") String code, QueueGroupDTO group, @Context SecurityContext caller) {
        if (group == null || !code.equals(group.code())) {
            throw Problem.badRequest("INVALID_GROUP", "请求体的 code 须与路径一致");
        }
        return queue.saveGroup(group, Caller.actor(caller));
    }

    @GET
    @Path("windows")
    public List<WindowDTO> windows() {
        return queue.windows();
    }

    /** Body {@code {"groups": ["GENERAL", "PRIORITY"]}}. */
    @PUT
    @Path("windows/{no}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    public WindowDTO saveWindow(@PathParam("no") int no, Map<String, List<String>> body, @Context SecurityContext caller) {
        return queue.saveWindow(no, body == null ? null : body.get("groups"), Caller.actor(caller));
    }

    @POST
    @Path("windows/{no}/sign-in")
    @RolesAllowed("clerk")
    public WindowDTO signIn(@PathParam("no") int no, @Context SecurityContext caller) {
        return queue.signIn(no, Caller.actor(caller));
    }

    @POST
    @Path("window/sign-out")
    @RolesAllowed("clerk")
    public WindowDTO signOut(@Context SecurityContext caller) {
        return queue.signOut(Caller.actor(caller));
    }

    @POST
    @Path("window/pause")
    @RolesAllowed("clerk")
    public WindowDTO pause(@Context SecurityContext caller) {
        return queue.pause(Caller.actor(caller));
    }

    @POST
    @Path("window/resume")
    @RolesAllowed("clerk")
    public WindowDTO resume(@Context SecurityContext caller) {
        return queue.resume(Caller.actor(caller));
    }

    @POST
    @Path("window/call")
    @RolesAllowed("clerk")
    public TicketDTO call(@Context SecurityContext caller) {
        return queue.callNext(Caller.actor(caller));
    }

    @POST
    @Path("window/recall")
    @RolesAllowed("clerk")
    public TicketDTO recall(@Context SecurityContext caller) {
        return queue.recall(Caller.actor(caller));
    }

    @POST
    @Path("window/no-show")
    @RolesAllowed("clerk")
    public TicketDTO noShow(@Context SecurityContext caller) {
        return queue.noShow(Caller.actor(caller));
    }

    /** Body {@code {"group": "PROPERTY", "note": "..."}} or {@code {"window": 5, "note": "..."}}. */
    @POST
    @Path("window/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public TicketDTO transfer(TransferDTO transfer, @Context SecurityContext caller) {
        return queue.transfer(transfer, Caller.actor(caller));
    }

    @POST
    @Path("window/finish")
    @RolesAllowed("clerk")
    public TicketDTO finish(@Context SecurityContext caller) {
        return queue.finish(Caller.actor(caller));
    }

    /** The ticket called at the caller's window with what its citizen gave, whole (audited): to open a case from it. */
    @GET
    @Path("window/current/intake")
    @RolesAllowed("clerk")
    public TicketIntakeDTO intake(@Context SecurityContext caller) {
        return queue.currentForIntake(Caller.actor(caller));
    }

    /** Body {@code {"caseNo": "..."}}: the ticket called at the caller's window is served for that case. */
    @POST
    @Path("window/case")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public TicketDTO serveCase(Map<String, String> body, @Context SecurityContext caller) {
        return queue.serveCase(body == null ? null : body.get("caseNo"), Caller.actor(caller));
    }

    /** The days from {@code from} to {@code to} (ISO dates; the last 4 weeks by default) and the busy hours by weekday. */
    @GET
    @Path("reports")
    @RolesAllowed({"supervisor", "admin"})
    public QueueReportDTO report(@QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext caller) {
        return queue.report(from == null ? null : date(from), to == null ? null : date(to), Caller.actor(caller));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("INVALID_PERIOD", "日期格式为 2026-12-07");
        }
    }

    /** Today's figures per group and window, with each group's wait alert (管理等候). */
    @GET
    @Path("figures")
    @RolesAllowed({"supervisor", "admin"})
    public QueueFiguresDTO figures(@Context SecurityContext caller) {
        return queue.figures(Caller.actor(caller));
    }

    /** Today's tickets of a group (all when none is named): waiting in calling order, then called, then missed. */
    @GET
    @Path("tickets")
    public List<TicketDTO> today(@QueryParam("group") String group, @Context SecurityContext caller) {
        return queue.today(group, Caller.actor(caller));
    }

    /** A number taken at the information desk (导服台) for a citizen. */
    @POST
    @Path("tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public TicketDTO take(NewTicketDTO ticket, @Context SecurityContext caller) {
        return queue.take(ticket, TicketSource.DESK, Caller.actor(caller));
    }

    @POST
    @Path("tickets/{id}/requeue")
    @RolesAllowed("clerk")
    public TicketDTO requeue(@PathParam("id") long id, @Context SecurityContext caller) {
        return queue.requeue(id, Caller.actor(caller));
    }

    /** Body {@code {"code": "<the booking code>"}}: the citizen who booked has come (签到) and gets a ticket. */
    @POST
    @Path("check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public TicketDTO checkIn(Map<String, String> body, @Context SecurityContext caller) {
        String code = body == null ? null : body.get("code");
        if (code == null || code.isBlank()) {
            throw Problem.badRequest("INVALID_TICKET", "预约码（code）必填");
        }
        return queue.checkIn(code.strip(), Caller.actor(caller));
    }
}
