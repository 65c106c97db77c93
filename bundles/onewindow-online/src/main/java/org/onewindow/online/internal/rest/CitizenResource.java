package org.onewindow.online.internal.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
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
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.onewindow.online.AppointmentDTO;
import org.onewindow.online.AppointmentService;
import org.onewindow.online.ApplicationDTO;
import org.onewindow.online.BookingDTO;
import org.onewindow.online.CitizenCaseDTO;
import org.onewindow.online.CitizenCases;
import org.onewindow.online.NewApplicationDTO;
import org.onewindow.online.OnlineApplications;
import org.onewindow.online.PaymentOrderDTO;
import org.onewindow.online.Payments;
import org.onewindow.online.SlotDTO;
import org.onewindow.problem.Problem;
import org.onewindow.rest.MultipartFiles;
import org.onewindow.scanning.Upload;

/**
 * {@code /api/v1/public/online}: what a citizen does online (the guides are at {@code /api/v1/public/catalog}).
 * The days and slots are public; the rest needs the citizen's session (cookie) and, for a change, its CSRF token, which
 * {@link CitizenFilter} checks for the {@link SignedIn} methods: they are {@code @PermitAll} only to the staff's login filter.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class CitizenResource {
    private final AppointmentService appointments;
    private final OnlineApplications applications;
    private final CitizenCases cases;
    private final Payments payments;

    CitizenResource(AppointmentService appointments, OnlineApplications applications, CitizenCases cases,
            Payments payments) {
        this.appointments = appointments;
        this.applications = applications;
        this.cases = cases;
        this.payments = payments;
    }

    @GET
    @Path("appointments/days")
    public List<String> days() {
        return appointments.days().stream().map(LocalDate::toString).collect(Collectors.toList());
    }

    @GET
    @Path("appointments/slots")
    public List<SlotDTO> slots(@QueryParam("day") String day, @QueryParam("item") String item) {
        if (item == null || item.isBlank()) {
            throw Problem.badRequest("INVALID_BOOKING", "item 必填：事项编码");
        }
        return appointments.slots(day(day), item);
    }

    @SignedIn
    @GET
    @Path("appointments")
    public List<AppointmentDTO> myAppointments(@Context HttpServletRequest http) {
        return appointments.mine(CitizenFilter.citizen(http));
    }

    @SignedIn
    @POST
    @Path("appointments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response book(BookingDTO booking, @Context HttpServletRequest http) {
        AppointmentDTO done = appointments.book(CitizenFilter.citizen(http), booking);
        return Response.created(URI.create("appointments/" + done.code)).entity(done).build();
    }

    @SignedIn
    @PUT
    @Path("appointments/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AppointmentDTO change(@PathParam("code") String code, BookingDTO booking, @Context HttpServletRequest http) {
        return appointments.change(CitizenFilter.citizen(http), code, booking);
    }

    @SignedIn
    @DELETE
    @Path("appointments/{code}")
    public AppointmentDTO cancel(@PathParam("code") String code, @Context HttpServletRequest http) {
        return appointments.cancel(CitizenFilter.citizen(http), code);
    }

    @SignedIn
    @GET
    @Path("applications")
    public List<ApplicationDTO> myApplications(@Context HttpServletRequest http) {
        return applications.mine(CitizenFilter.citizen(http));
    }

    @SignedIn
    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(NewApplicationDTO request, @Context HttpServletRequest http) {
        ApplicationDTO done = applications.open(CitizenFilter.citizen(http), request);
        return Response.created(URI.create("applications/" + done.caseNo)).entity(done).build();
    }

    @SignedIn
    @GET
    @Path("applications/{caseNo}")
    public ApplicationDTO application(@PathParam("caseNo") String caseNo, @Context HttpServletRequest http) {
        return applications.get(CitizenFilter.citizen(http), caseNo);
    }

    /** Files for one material (multipart field {@code file}, one or more), in order. */
    @SignedIn
    @POST
    @Path("applications/{caseNo}/materials/{material}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ApplicationDTO upload(@PathParam("caseNo") String caseNo, @PathParam("material") String material, List<Attachment> parts,
            @Context HttpServletRequest http) throws java.io.IOException {
        return applications.upload(CitizenFilter.citizen(http), caseNo, material, MultipartFiles.of(parts, Upload::new));
    }

    @SignedIn
    @POST
    @Path("applications/{caseNo}/submission")
    public ApplicationDTO submit(@PathParam("caseNo") String caseNo, @Context HttpServletRequest http) {
        return applications.submit(CitizenFilter.citizen(http), caseNo);
    }

    /** The application's payment order, with the gateway's cashier page while unpaid. */
    @SignedIn
    @GET
    @Path("applications/{caseNo}/payment")
    public PaymentOrderDTO payment(@PathParam("caseNo") String caseNo, @Context HttpServletRequest http) {
        return payments.order(CitizenFilter.citizen(http), caseNo);
    }

    @SignedIn
    @POST
    @Path("applications/{caseNo}/withdrawal")
    public ApplicationDTO withdraw(@PathParam("caseNo") String caseNo, @Context HttpServletRequest http) {
        return applications.withdraw(CitizenFilter.citizen(http), caseNo);
    }

    /** All the citizen's cases, from every channel. */
    @SignedIn
    @GET
    @Path("cases")
    public List<CitizenCaseDTO> myCases(@Context HttpServletRequest http) {
        return cases.list(CitizenFilter.citizen(http));
    }

    @SignedIn
    @GET
    @Path("cases/{caseNo}")
    public CitizenCaseDTO myCase(@PathParam("caseNo") String caseNo, @Context HttpServletRequest http) {
        return cases.get(CitizenFilter.citizen(http), caseNo);
    }

    static LocalDate day(String day) {
        try {
            return LocalDate.parse(day == null ? "" : day);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_BOOKING", "day 应为 yyyy-MM-dd");
        }
    }
}
