package org.onewindow.hub.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.problem.Problem;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.CaseFilesDTO;
import org.onewindow.replication.CaseIndexEntryDTO;
import org.onewindow.replication.CityLicenceDTO;
import org.onewindow.replication.CityQueueDayDTO;
import org.onewindow.replication.CityRatingsDTO;
import org.onewindow.replication.CityStatsDTO;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.FileUploadDTO;
import org.onewindow.replication.HubEventDTO;
import org.onewindow.replication.HubMessageDTO;
import org.onewindow.replication.InboxAckDTO;
import org.onewindow.replication.LicenceLookupDTO;
import org.onewindow.replication.ReconciliationPageDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.rest.Caller;
import org.onewindow.rest.Downloads;
import org.onewindow.rest.Json;
import org.onewindow.rest.QueryParams;
import org.onewindow.rest.RequestBodies;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * {@code /api/v1/hub}: districts register and ship signed batches (no user: every request is signed with
 * the district's own private key, checked with the public key it registered); city administrators approve
 * (naming the key's fingerprint), suspend and revoke districts; security administrators replace a
 * reinstalled district's key; supervisors and administrators read the citywide board.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
public class HubResource {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private final CityHub hub;

    HubResource(CityHub hub) {
        this.hub = hub;
    }

    /** A district's registration ({@link org.onewindow.replication.RegistrationDTO}), signed with the key it registers. */
    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public RegistrationStateDTO register(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.register(signed, RequestBodies.read(body, 16 * 1024));
    }

    /** The registration's state, for the district's own signed request (body signed: none). */
    @GET
    @Path("registrations/{district}")
    @PermitAll
    public RegistrationStateDTO registration(@PathParam("district") String district, @BeanParam SignatureHeaders signed) {
        return hub.registration(district, signed);
    }

    /** The one key rollover ({@link org.onewindow.replication.KeyRolloverDTO}) of a district federated before public keys. */
    @POST
    @Path("key-rollovers")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public RegistrationStateDTO rollover(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.rollover(signed, RequestBodies.read(body, 16 * 1024));
    }

    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public AckDTO batch(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.receive(signed, RequestBodies.read(body, hub.maxBatchBytes()));
    }

    /** A district's own records the hub holds after a number ({@link org.onewindow.replication.ReconciliationRequestDTO}), signed. */
    @POST
    @Path("reconciliation/records")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public ReconciliationPageDTO reconciliation(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.reconciliation(signed, RequestBodies.read(body, 4096));
    }

    /** A reconciled district's journal goes on after a number ({@link org.onewindow.replication.RebaseDTO}), signed. */
    @POST
    @Path("reconciliation/rebase")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public AckDTO rebase(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.rebase(signed, RequestBodies.read(body, 4096));
    }

    /** The city's catalog for a district's signed request (body: none). */
    @GET
    @Path("catalog")
    @PermitAll
    public List<CatalogItemDTO> catalog(@BeanParam SignatureHeaders signed) {
        return hub.catalog(signed);
    }

    /** A licence another district holds (the citywide library), for a district's signed {@link LicenceLookupDTO}. */
    @POST
    @Path("licence-lookups")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public CityLicenceDTO licence(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.licence(signed, RequestBodies.read(body, 16 * 1024));
    }

    /** An accepting district's signed handover of a case to the district that decides it (全市通办). */
    @POST
    @Path("handovers")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public HubMessageDTO handover(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.handover(signed, RequestBodies.read(body, hub.maxHandoverBytes()));
    }

    /** The messages waiting for the signing district (body signed: none), oldest first. */
    @GET
    @Path("inbox")
    @PermitAll
    public List<HubMessageDTO> inbox(@BeanParam SignatureHeaders signed,
            @QueryParam("limit") @DefaultValue("5") String limit) {
        return hub.inbox(signed, QueryParams.integer("limit", limit));
    }

    /** The signing district's acknowledgement ({@link InboxAckDTO}) of messages it applied or could not apply yet. */
    @POST
    @Path("inbox/acks")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Map<String, Integer> acknowledge(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.acknowledge(signed, RequestBodies.read(body, 256 * 1024));
    }

    /** Cross-district messages (全市通办), newest first, without their contents; {@code waiting=true} for those not yet delivered. */
    @GET
    @Path("messages")
    public List<HubMessageDTO> messages(@QueryParam("district") String district, @QueryParam("waiting") @DefaultValue("false") boolean waiting,
            @QueryParam("size") @DefaultValue("100") String size, @Context SecurityContext caller) {
        return hub.messages(district, waiting, QueryParams.integer("size", size), Caller.actor(caller));
    }

    /** Asks the case's district for its scanned files (files on demand); they arrive within seconds while it is online. */
    @POST
    @Path("cases/{caseNo}/file-requests")
    public CaseFilesDTO requestFiles(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return hub.requestFiles(caseNo, Caller.actor(caller));
    }

    /** The case's scanned files the hub has fetched, and whether a request is on its way. */
    @GET
    @Path("cases/{caseNo}/files")
    public CaseFilesDTO files(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return hub.caseFiles(caseNo, Caller.actor(caller));
    }

    /** One fetched file's bytes; the read is logged. */
    @GET
    @Path("cases/{caseNo}/files/{id}")
    @Produces({"image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response file(@PathParam("caseNo") String caseNo, @PathParam("id") String id, @Context SecurityContext caller) {
        CityFiles.Content file = hub.file(caseNo, QueryParams.integer("id", id), Caller.actor(caller));
        return Downloads.inline(file.bytes, file.contentType, file.name);
    }

    /** A district's signed answer ({@link FileUploadDTO}) to the hub's request for a case's files. */
    @POST
    @Path("files")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Map<String, Integer> receiveFiles(@BeanParam SignatureHeaders signed, InputStream body) {
        return hub.receiveFiles(signed, RequestBodies.read(body, hub.maxHandoverBytes()));
    }

    /** What happened to the federation, newest first: registrations, decisions, refusals, licence and file reads (the auditor's too). */
    @GET
    @Path("events")
    @RolesAllowed({"supervisor", "admin", "auditor"})
    public List<HubEventDTO> events(@QueryParam("district") String district, @QueryParam("size") @DefaultValue("100") String size,
            @Context SecurityContext caller) {
        return hub.events(district, QueryParams.integer("size", size), Caller.actor(caller));
    }

    @GET
    @Path("districts")
    @RolesAllowed({"supervisor", "admin", "security"})
    public List<DistrictDTO> districts(@Context SecurityContext caller) {
        return hub.districts(Caller.actor(caller));
    }

    /** Body {@code {"fingerprint": "3F2A 9C01 …"}}: the key's fingerprint as district IT read it on its appliance. */
    @POST
    @Path("districts/{district}/approval")
    @RolesAllowed("admin")
    public DistrictDTO approve(@PathParam("district") String district, InputStream body, @Context SecurityContext caller) {
        return hub.approve(district, fingerprint(body), Caller.actor(caller));
    }

    /** A one-time enrolment code for the district code (shown once): district IT gives it with the registration. */
    @POST
    @Path("districts/{district}/enrolment-code")
    @RolesAllowed("admin")
    public Map<String, String> enrolmentCode(@PathParam("district") String district, @Context SecurityContext caller) {
        EnrolmentCodes.Issued issued = hub.enrolmentCode(district, Caller.actor(caller));
        return Map.of("district", issued.district(), "code", issued.code(), "expiresAt", issued.expiresAt().toString());
    }

    /** Body {@code {"fingerprint": "…"}}: a candidate key of the district becomes its key (an appliance reinstalled). */
    @POST
    @Path("districts/{district}/key-replacement")
    @RolesAllowed("security")
    public DistrictDTO replaceKey(@PathParam("district") String district, InputStream body, @Context SecurityContext caller) {
        return hub.replaceKey(district, fingerprint(body), Caller.actor(caller));
    }

    /**
     * Body {@code {"seq": 15}}: the break the hub refuses the district's audit trail at, as the board names it, is accepted
     * (district IT found its cause); the next record the district sends is taken across it, marked. Logged.
     */
    @POST
    @Path("districts/{district}/audit-break-acceptance")
    @RolesAllowed("security")
    public DistrictDTO acceptAuditBreak(@PathParam("district") String district, InputStream body, @Context SecurityContext caller) {
        byte[] bytes = RequestBodies.read(body, 4096);
        Map<String, String> fields = bytes.length == 0 ? null : Json.read(bytes, FIELDS);
        String seq = fields == null ? null : fields.get("seq");
        if (seq == null || !seq.strip().matches("\\d{1,18}")) {
            throw Problem.badRequest("INVALID_SEQ", "seq 必填：看板上审计链断裂处的序号");
        }
        return hub.acceptAuditBreak(district, Long.parseLong(seq.strip()), Caller.actor(caller));
    }

    @POST
    @Path("districts/{district}/suspension")
    @RolesAllowed("admin")
    public DistrictDTO suspend(@PathParam("district") String district, @Context SecurityContext caller) {
        return hub.suspend(district, Caller.actor(caller));
    }

    @POST
    @Path("districts/{district}/revocation")
    @RolesAllowed("admin")
    public DistrictDTO revoke(@PathParam("district") String district, @Context SecurityContext caller) {
        return hub.revoke(district, Caller.actor(caller));
    }

    @GET
    @Path("stats")
    public CityStatsDTO stats(@Context SecurityContext caller) {
        return hub.stats(Caller.actor(caller));
    }

    /**
     * The halls' queues on {@code day} (an ISO date; the latest day any hall reported when none is named), as the districts
     * replicated them: the 市级看板 compares halls.
     */
    @GET
    @Path("queue-days")
    public List<CityQueueDayDTO> queueDays(@QueryParam("day") String day, @Context SecurityContext caller) {
        try {
            return hub.queueDays(day == null ? null : LocalDate.parse(day), Caller.actor(caller));
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("INVALID_DAY", "day 为日期，如 2026-12-07");
        }
    }

    /**
     * 好差评 across the city for {@code month} ({@code yyyy-MM}; the latest any hall reported when none is named): the halls
     * and the departments ranked by satisfaction, as the districts replicated their months' figures.
     */
    @GET
    @Path("ratings")
    public CityRatingsDTO ratings(@QueryParam("month") String month, @Context SecurityContext caller) {
        try {
            return hub.ratings(month == null ? null : java.time.YearMonth.parse(month), Caller.actor(caller));
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("INVALID_MONTH", "month 为月份，如 2026-12");
        }
    }

    /** A district's cases in the citywide index, by case number, a page after {@code after} (at most 10000). */
    @GET
    @Path("cases")
    public List<CaseIndexEntryDTO> cases(@QueryParam("district") String district, @QueryParam("after") String after,
            @QueryParam("size") @DefaultValue("1000") String size, @Context SecurityContext caller) {
        return hub.cases(district, after, QueryParams.integer("size", size), Caller.actor(caller));
    }

    /** A case's entry in the citywide index by its number: where it is and how far it got, nothing about its applicant. */
    @GET
    @Path("cases/{caseNo}")
    public CaseIndexEntryDTO caseEntry(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return hub.caseEntry(caseNo, Caller.actor(caller));
    }

    /** The {@code fingerprint} of a small JSON body, or null. */
    private static String fingerprint(InputStream body) {
        byte[] bytes = RequestBodies.read(body, 4096);
        Map<String, String> fields = bytes.length == 0 ? null : Json.read(bytes, FIELDS);
        return fields == null ? null : fields.get("fingerprint");
    }
}
