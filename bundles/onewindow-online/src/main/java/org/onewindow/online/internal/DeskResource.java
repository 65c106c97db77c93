package org.onewindow.online.internal;

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
import org.onewindow.rest.Caller;

/** {@code /api/v1/online}: the hall's side of the online channel: the day's appointments, pre-review, citizens' mobiles. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DeskResource {
    private final AppointmentService appointments;
    private final OnlineApplications applications;
    private final CitizenAccess access;
    private final Payments payments;

    DeskResource(AppointmentService appointments, OnlineApplications applications, CitizenAccess access, Payments payments) {
        this.appointments = appointments;
        this.applications = applications;
        this.access = access;
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

    /** Body {@code {"mobile": "..."}}: binds another mobile to a citizen's ID number, the citizen present with their ID card. */
    @PUT
    @Path("citizens/{idNumber}/mobile")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public Map<String, String> rebind(@PathParam("idNumber") String idNumber, Map<String, String> body, @Context SecurityContext caller) {
        return access.rebind(idNumber, body == null ? null : body.get("mobile"), Caller.actor(caller));
    }
}
