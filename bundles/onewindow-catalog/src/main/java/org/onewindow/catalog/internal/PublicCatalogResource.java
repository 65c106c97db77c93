package org.onewindow.catalog.internal;

import javax.annotation.security.PermitAll;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogPage;
import org.onewindow.catalog.CatalogService;

/**
 * {@code /api/v1/public/catalog}: the guides (办事指南) of the current catalog for everyone, as the
 * self-service kiosk and the public hall show them. Reading only; nothing about people.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicCatalogResource {
    private final CatalogService catalog;

    PublicCatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("items")
    public CatalogPage search(@QueryParam("q") String q, @QueryParam("department") String department,
            @QueryParam("page") @DefaultValue("1") String page, @QueryParam("size") @DefaultValue("20") String size) {
        return CatalogResource.search(catalog, q, department, page, size);
    }

    @GET
    @Path("items/{code}")
    public CatalogItemDTO item(@PathParam("code") String code) {
        return catalog.get(code);
    }
}
