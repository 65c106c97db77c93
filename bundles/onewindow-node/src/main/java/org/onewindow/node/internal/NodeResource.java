package org.onewindow.node.internal;

import java.io.InputStream;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;


/** The node's endpoints: the health's details for staff, and the OpenAPI description of the whole API for anyone. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {
    private final NodeHealth health;

    NodeResource(NodeHealth health) {
        this.health = health;
    }

    /**
     * The node's health for staff (any of OneWindow's roles): status, reasons, each capability and what it waits for,
     * the disk, identity and version. {@code GET /health} itself, the status alone for anyone, is {@link HealthServlet}.
     */
    @GET
    @Path("health/details")
    public HealthReport healthDetails() {
        return health.check();
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    public InputStream openApi() {
        return NodeResource.class.getResourceAsStream("/openapi/openapi.json");
    }
}
