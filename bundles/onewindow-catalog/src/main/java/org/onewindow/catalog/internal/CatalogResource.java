package org.onewindow.catalog.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

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

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogPage;
import org.onewindow.catalog.CatalogQuery;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.DepartmentDTO;
import org.onewindow.catalog.ImportResultDTO;
import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.rest.Json;
import org.onewindow.rest.Caller;
import org.onewindow.rest.QueryParams;
import org.onewindow.rest.RequestBodies;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code /api/v1/catalog}: search and read for every user, import for administrators. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {
    static final String EXPORTED = "CATALOG_EXPORT";
    private static final TypeReference<List<LicenceTypeDTO>> LICENCE_TYPES = new TypeReference<>() {
    };
    private final CatalogService catalog;
    private final AuditTrail trail;
    private final long maxImportBytes;

    CatalogResource(CatalogService catalog, AuditTrail trail, long maxImportBytes) {
        this.trail = trail;
        this.catalog = catalog;
        this.maxImportBytes = maxImportBytes;
    }

    @GET
    @Path("items")
    public CatalogPage search(@QueryParam("q") String q, @QueryParam("department") String department,
            @QueryParam("page") @DefaultValue("1") String page, @QueryParam("size") @DefaultValue("20") String size) {
        return search(catalog, q, department, page, size);
    }

    static CatalogPage search(CatalogService catalog, String q, String department, String page, String size) {
        CatalogQuery query = new CatalogQuery();
        query.q = q;
        query.department = department;
        query.page = QueryParams.integer("page", page);
        query.size = QueryParams.integer("size", size);
        return catalog.search(query);
    }

    @GET
    @Path("items/{code}")
    public CatalogItemDTO item(@PathParam("code") String code, @QueryParam("version") String version) {
        return version == null ? catalog.get(code) : catalog.get(code, QueryParams.integer("version", version));
    }

    @GET
    @Path("items/{code}/versions")
    public List<Integer> versions(@PathParam("code") String code) {
        return catalog.versions(code);
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public ImportResultDTO importItems(InputStream body, @QueryParam("dryRun") boolean dryRun, @Context SecurityContext caller) {
        List<CatalogItemDTO> items = CatalogJson.read(RequestBodies.read(body, maxImportBytes));
        return dryRun ? catalog.previewImport(items) : catalog.importItems(items, Caller.name(caller));
    }

    @GET
    @Path("licence-types")
    public List<LicenceTypeDTO> licenceTypes() {
        return catalog.licenceTypes();
    }

    @POST
    @Path("licence-types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Map<String, Integer> importLicenceTypes(InputStream body, @Context SecurityContext caller) {
        List<LicenceTypeDTO> types = Json.read(RequestBodies.read(body, maxImportBytes), LICENCE_TYPES);
        return Map.of("changed", catalog.importLicenceTypes(types, Caller.name(caller)));
    }

    @GET
    @Path("departments")
    public List<DepartmentDTO> departments() {
        return catalog.departments();
    }

    /** The whole catalog in the exchange format; the export is recorded in the audit trail. */
    @GET
    @Path("export")
    public List<CatalogItemDTO> export(@Context SecurityContext caller) {
        List<CatalogItemDTO> items = catalog.export();
        trail.record(AuditEvent.of(EXPORTED, Caller.actor(caller)).on("CATALOG", null).detail(items.size() + " items exported"));
        return items;
    }
}
