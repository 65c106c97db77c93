package org.onewindow.intake.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
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

import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseLookupDTO;
import org.onewindow.intake.CaseExtension;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseQuery;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.DecisionDTO;
import org.onewindow.intake.ExtensionDTO;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.IntakeStatisticsDTO;
import org.onewindow.intake.NewCaseDTO;
import org.onewindow.intake.SupplementDTO;
import org.onewindow.intake.ReuseDTO;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.intake.internal.documents.CaseDocuments;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.Caller;
import org.onewindow.rest.QueryParams;

/**
 * {@code /api/v1/cases}: the window's cases. Roles are checked again, finer, by the service; every case answered has its
 * ID numbers masked ({@link StaffViews}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clerk", "reviewer", "supervisor", "admin"})
public class CaseResource {
    private final IntakeService intake;
    private final BackOfficeService backOffice;
    private final Function<String, CaseExtension> extensions;

    CaseResource(IntakeService intake, BackOfficeService backOffice, Function<String, CaseExtension> extensions) {
        this.intake = intake;
        this.backOffice = backOffice;
        this.extensions = extensions;
    }

    /** The materials received, by catalog code. */
    public static class ReceivedDTO {
        public List<String> materials;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public Response open(NewCaseDTO request, @Context SecurityContext caller) {
        CaseDTO created = StaffViews.masked(intake.open(request, Caller.actor(caller)));
        return Response.created(URI.create(created.caseNo)).entity(created).build();
    }

    @GET
    public CasePage search(@QueryParam("status") String status, @QueryParam("applicant") String applicant,
            @QueryParam("item") String item, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("1") String page, @QueryParam("size") @DefaultValue("20") String size,
            @Context SecurityContext caller) {
        CaseQuery query = new CaseQuery();
        query.status = QueryParams.enumValue(CaseStatus.class, "status", status);
        query.applicant = applicant;
        query.item = item;
        query.from = from;
        query.to = to;
        query.page = QueryParams.integer("page", page);
        query.size = QueryParams.integer("size", size);
        return StaffViews.masked(intake.search(query, Caller.actor(caller)));
    }

    /** The window's one search box; the key travels in the body, so that no access log prints an ID number or a mobile. */
    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public CasePage lookUp(CaseLookupDTO lookup, @Context SecurityContext caller) {
        return intake.lookUp(lookup, Caller.actor(caller));
    }

    @GET
    @Path("statistics")
    public IntakeStatisticsDTO statistics() {
        return intake.statistics();
    }

    @GET
    @Path("{caseNo}")
    public CaseDTO get(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return StaffViews.masked(intake.get(caseNo, Caller.actor(caller)));
    }

    @POST
    @Path("{caseNo}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseDTO transition(@PathParam("caseNo") String caseNo, TransitionDTO request, @Context SecurityContext caller) {
        return StaffViews.masked(intake.transition(caseNo, request, Caller.actor(caller)));
    }

    @POST
    @Path("{caseNo}/received-materials")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public CaseDTO receive(@PathParam("caseNo") String caseNo, ReceivedDTO request, @Context SecurityContext caller) {
        return StaffViews.masked(intake.receive(caseNo, request == null ? null : request.materials, Caller.actor(caller)));
    }

    /** The clerk confirms that a material of the applicant's earlier case stands for one of this case. */
    @POST
    @Path("{caseNo}/reused-materials")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("clerk")
    public CaseDTO reuse(@PathParam("caseNo") String caseNo, ReuseDTO request, @Context SecurityContext caller) {
        return StaffViews.masked(intake.reuse(caseNo, request, Caller.actor(caller)));
    }

    @POST
    @Path("{caseNo}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    public CaseDTO decide(@PathParam("caseNo") String caseNo, DecisionDTO decision, @Context SecurityContext caller) {
        return StaffViews.masked(backOffice.decide(caseNo, decision, Caller.actor(caller)));
    }

    @POST
    @Path("{caseNo}/supplement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    public CaseDTO supplement(@PathParam("caseNo") String caseNo, SupplementDTO request, @Context SecurityContext caller) {
        return StaffViews.masked(backOffice.requestSupplement(caseNo, request, Caller.actor(caller)));
    }

    @POST
    @Path("{caseNo}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reviewer")
    public CaseDTO extend(@PathParam("caseNo") String caseNo, ExtensionDTO request, @Context SecurityContext caller) {
        return StaffViews.masked(backOffice.extend(caseNo, request, Caller.actor(caller)));
    }

    /** The stylesheet of the printable papers (no data; the papers' policy allows no inline style). */
    @GET
    @Path("documents.css")
    @PermitAll
    @Produces("text/css;charset=UTF-8")
    public Response stylesheet() {
        return Response.ok(CaseDocuments.CSS).header("Cache-Control", "max-age=86400").build();
    }

    @GET
    @Path("{caseNo}/notice")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String notice(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return intake.noticeHtml(caseNo, Caller.actor(caller));
    }

    @GET
    @Path("{caseNo}/receipt")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String receipt(@PathParam("caseNo") String caseNo, @Context SecurityContext caller) {
        return intake.receiptHtml(caseNo, Caller.actor(caller));
    }

    /**
     * Paths a capability adds below a case (scanned materials: {@code materials}); while the
     * capability is not installed they answer 503 with the reason, not 404.
     */
    @Path("{caseNo}/{segment:materials}")
    public Object extension(@PathParam("caseNo") String caseNo, @PathParam("segment") String segment) {
        CaseExtension extension = extensions.apply(segment);
        if (extension == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "SCANNING_UNAVAILABLE", "扫描功能（onewindow-scanning）未安装，暂不能上传或查看扫描件");
        }
        return extension.resource(caseNo);
    }
}
