package org.onewindow.node.internal;

import java.io.InputStream;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeService;

/** The node's public endpoints: health for monitors, and the OpenAPI description of the whole API. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {
    private final NodeService node;

    NodeResource(NodeService node) {
        this.node = node;
    }

    @GET
    @Path("health")
    @PermitAll
    public HealthDTO health() {
        NodeInfo info = node.info();
        HealthDTO health = new HealthDTO();
        health.status = "UP";
        health.role = info.role.label();
        health.node = info.districtCode;
        health.version = info.version;
        return health;
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    public InputStream openApi() {
        return NodeResource.class.getResourceAsStream("/openapi/openapi.json");
    }
}
