package org.onewindow.scanning.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.onewindow.rest.Caller;
import org.onewindow.rest.Downloads;
import org.onewindow.rest.MultipartFiles;
import org.onewindow.rest.QueryParams;
import org.onewindow.scanning.ScanDTO;
import org.onewindow.scanning.ScanService;
import org.onewindow.scanning.Upload;

/**
 * {@code /api/v1/cases/{caseNo}/materials}: scanned files of one case, a sub-resource of the intake's.
 * The access filter checks the roles of the sub-resource's own methods, not the case resource's: staff
 * who read cases, and only clerks upload (checked again by {@link ScanService}). The security
 * administrator and the auditor read no citizen's papers.
 */
@RolesAllowed({"clerk", "reviewer", "supervisor", "admin"})
public class ScanResource {
    private final ScanService scans;
    private final String caseNo;

    ScanResource(ScanService scans, String caseNo) {
        this.scans = scans;
        this.caseNo = caseNo;
    }

    /** Uploads one or more files (multipart field {@code file}), kept in the order sent. */
    @POST
    @RolesAllowed("clerk")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(List<Attachment> parts, @Context SecurityContext caller)
            throws java.io.IOException {
        List<ScanDTO> stored = scans.store(caseNo, MultipartFiles.of(parts, Upload::new), Caller.actor(caller));
        return Response.status(Response.Status.CREATED).entity(stored).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ScanDTO> list(@Context SecurityContext caller) {
        return scans.list(caseNo, Caller.actor(caller));
    }

    @GET
    @Path("{id}")
    public Response download(@PathParam("id") String id, @Context SecurityContext caller) {
        ScanDTO scan = scans.get(caseNo, QueryParams.integer("id", id), Caller.actor(caller));
        return Downloads.inline(scans.content(scan).toFile(), scan.contentType, scan.fileName);
    }
}
