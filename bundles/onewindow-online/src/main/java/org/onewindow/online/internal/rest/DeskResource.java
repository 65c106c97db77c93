package org.onewindow.online.internal.rest;

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

import org.onewindow.online.AppointmentDTO;
import org.onewindow.online.AppointmentService;
import org.onewindow.online.ApplicationDTO;
import org.onewindow.online.OnlineApplications;
import org.onewindow.online.Payments;
import org.onewindow.online.ReconciliationDTO;
import org.onewindow.online.ReturnDTO;
import org.onewindow.online.internal.identity.CitizenBindings;
import org.onewindow.rest.Caller;

/**
 * {@code /api/v1/online}: the hall's side of the online channel: the day's appointments, pre-review, citizens'
 * mobile bindings (a clerk binds one having checked the ID card; a security administrator reads and revokes).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DeskResource {
    private final AppointmentService appointments;
    private final OnlineApplications applications;
    private final CitizenBindings bindings;
    private final Payments payments;

    DeskResource(AppointmentService appointments, OnlineApplications applications, CitizenBindings bindings, Payments payments) {
        this.appointments = appointments;
        this.applications = applications;
        this.bindings = bindings;
        this.payments = payments;
    }

    /** The day list (预约名单): who comes when, for what. */
    @GET
    @Path("appointments")
    @RolesAllowed({"clerk", "supervisor", "admin"})
    public List<AppointmentDTO> day(@QueryParam("day") String day, @Context SecurityContext caller) {
        return appointments.day(CitizenResource.day(day), Caller.actor(caller));
    }

    @POST
    @Path("appointments/{code}/arrival")
    @RolesAllowed("clerk")
    public AppointmentDTO arrived(@PathParam("code") String code, @Context SecurityContext caller) {
        return appointments.arrived(code, Caller.actor(caller));
    }

    @GET
    @Path("pre-review")
    @RolesAllowed("clerk")
    public List<ApplicationDTO> queue(@Context SecurityContext caller) {
        return applications.queue(Caller.actor(caller));
    }

    @GET
    @Path("pre-review/{caseNo}")
    @RolesAllowed("clerk")
    public ApplicationDTO review(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return applications.review(caseNo, Caller.actor(caller));
    }

    @POST
    @Path("pre-review/{caseNo}/acceptance")
    @RolesAllowed("clerk")
    public ApplicationDTO accept(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return applications.accept(caseNo, Caller.actor(caller));
    }

    /** Body {@code {"materials": ["M03"], "note": "..."}}: the one-time notice. */
    @POST
    @Path("pre-review/{caseNo}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public ApplicationDTO returnToCitizen(@PathParam("caseNo") String caseNo, ReturnDTO notice, @Context SecurityContext caller) {
        return applications.returnToCitizen(caseNo, notice, Caller.actor(caller));
    }

    /** Body {@code {"reason": "..."}}. */
    @POST
    @Path("pre-review/{caseNo}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public ApplicationDTO reject(@PathParam("caseNo") String caseNo, Map<String, String> body, @Context SecurityContext caller) {
        return applications.reject(caseNo, body == null ? null : body.get("reason"), Caller.actor(caller));
    }

    /** The day's reconciliation of payments with the gateway's statement (对账单). */
    @GET
    @Path("payments/reconciliation")
    @RolesAllowed({"supervisor", "admin"})
    public ReconciliationDTO reconcile(@QueryParam("day") String day, @Context SecurityContext caller) {
        return payments.reconcile(CitizenResource.day(day), Caller.actor(caller));
    }

    /*
     * Citizens' bindings take the ID number in the body or the query, never in the path: a path is what a log
     * line names (a refused request, say), and no log line may name an ID number.
     */

    /** Body {@code {"idNumber", "mobile"}}: binds a mobile to a citizen's ID number, the citizen present with their ID card. */
    @POST
    @Path("citizens/bindings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public CitizenBindings.BindingView bind(Map<String, String> body, @Context SecurityContext caller) {
        Map<String, String> b = body == null ? Map.of() : body;
        return bindings.bindAtWindow(b.get("idNumber"), b.get("mobile"), Caller.actor(caller));
    }

    /** Body {@code {"mobile": "..."}}: confirms the mobile of a citizen checked in today for this appointment, their ID card checked. */
    @PUT
    @Path("appointments/{code}/mobile")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public CitizenBindings.BindingView confirmAtCheckIn(@PathParam("code") String code, Map<String, String> body, @Context SecurityContext caller) {
        return bindings.bindAtCheckIn(code, body == null ? null : body.get("mobile"), Caller.actor(caller));
    }

    /** {@code ?idNumber=}: a citizen's binding, its trail and last sign-ins; the read is recorded. */
    @GET
    @Path("citizens/bindings")
    @RolesAllowed("security")
    public CitizenBindings.BindingView binding(@QueryParam("idNumber") String idNumber, @Context SecurityContext caller) {
        return bindings.view(idNumber, Caller.actor(caller));
    }

    /** Body {@code {"idNumber", "reason"}}: revokes a citizen's binding and ends their sessions. */
    @POST
    @Path("citizens/bindings/revocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("security")
    public CitizenBindings.BindingView revoke(Map<String, String> body, @Context SecurityContext caller) {
        Map<String, String> b = body == null ? Map.of() : body;
        return bindings.revoke(b.get("idNumber"), b.get("reason"), Caller.actor(caller));
    }
}
