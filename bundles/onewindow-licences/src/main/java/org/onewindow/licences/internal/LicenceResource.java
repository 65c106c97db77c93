package org.onewindow.licences.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import javax.ws.rs.core.SecurityContext;

import org.onewindow.licences.AccessEntryDTO;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceImportDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.licences.PersonalCatalogDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.problem.Problem;
import org.onewindow.rest.Caller;
import org.onewindow.rest.Json;
import org.onewindow.rest.QueryParams;
import org.onewindow.rest.RequestBodies;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code /api/v1/licences}: the personal catalog, what is usable for intake, verification, revocation, bulk import and the access log. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clerk", "reviewer", "supervisor", "admin"})
public class LicenceResource {
    private static final TypeReference<List<NewLicenceDTO>> ROWS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final int MAX_TYPES = 50;
    private final LicenceService licences;
    private final long maxImportBytes;

    LicenceResource(LicenceService licences, long maxImportBytes) {
        this.licences = licences;
        this.maxImportBytes = maxImportBytes;
    }

    @GET
    public PersonalCatalogDTO personalCatalog(@QueryParam("holder") String holder, @QueryParam("caseNo") String caseNo,
            @QueryParam("purpose") String purpose, @Context SecurityContext caller) {
        return licences.personalCatalog(holder, Purpose.of(caseNo, purpose), Caller.actor(caller));
    }

    /**
     * What the library covers for a holder before a case exists: the usable licence of each asked
     * type. Tied to a stated purpose (there is no case yet to check the holder against).
     */
    @GET
    @Path("usable")
    public Map<String, LicenceDTO> usable(@QueryParam("holder") String holder, @QueryParam("type") List<String> types,
            @QueryParam("purpose") String purpose, @Context SecurityContext caller) {
        if (types.size() > MAX_TYPES) {
            throw Problem.badRequest("TOO_MANY_TYPES", "一次最多查询 " + MAX_TYPES + " 种证照");
        }
        return licences.usable(holder, Set.copyOf(types), Purpose.of(null, purpose), Caller.actor(caller));
    }

    @GET
    @Path("access")
    @RolesAllowed("auditor")
    public List<AccessEntryDTO> access(@QueryParam("holder") String holder, @QueryParam("limit") @DefaultValue("100") String limit,
            @Context SecurityContext caller) {
        return licences.accessLog(holder, QueryParams.integer("limit", limit), Caller.actor(caller));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public LicenceImportDTO importLicences(InputStream body, @Context SecurityContext caller) {
        return licences.importLicences(Json.read(RequestBodies.read(body, maxImportBytes), ROWS), Caller.actor(caller));
    }

    @GET
    @Path("{type}/{number}")
    public LicenceDTO verify(@PathParam("type") String type, @PathParam("number") String number,
            @QueryParam("caseNo") String caseNo, @QueryParam("purpose") String purpose, @Context SecurityContext caller) {
        return licences.verify(type, number, Purpose.of(caseNo, purpose), Caller.actor(caller));
    }

    /** Body {@code {"reason": "..."}}. */
    @POST
    @Path("{type}/{number}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"reviewer", "admin"})
    public LicenceDTO revoke(@PathParam("type") String type, @PathParam("number") String number, InputStream body,
            @Context SecurityContext caller) {
        Map<String, String> fields = Json.read(RequestBodies.read(body, 16 * 1024), FIELDS);
        return licences.revoke(type, number, fields == null ? null : fields.get("reason"), Caller.actor(caller));
    }
}
