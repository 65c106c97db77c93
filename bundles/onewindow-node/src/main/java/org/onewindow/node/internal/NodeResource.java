package org.onewindow.node.internal;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.onewindow.node.NodeService;

/** The node's endpoints: the health's details for staff; the API's index and its OpenAPI description for anyone. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {
    private final NodeHealth health;
    private final NodeService node;

    NodeResource(NodeHealth health, NodeService node) {
        this.health = health;
        this.node = node;
    }

    /**
     * The node's health for staff (any of OneWindow's roles): status, reasons, each capability and what it waits for,
     * the disk, identity and version. {@code GET /health} itself, the status alone for anyone, is {@link HealthServlet}
     * (and {@link #health()}).
     */
    @GET
    @Path("health/details")
    public HealthReport healthDetails() {
        return health.check();
    }

    /**
     * {@code GET /health} answered as {@link HealthServlet} answers it: the servlet at exactly this path normally takes
     * the request before the REST servlet's {@code /api/*}, but once in a CI run the HTTP service gave it to the REST
     * servlet instead (a 404 for the 5 minutes a test waited). With the same answer here, either may take it.
     */
    @GET
    @Path("health")
    @PermitAll
    public Response health() {
        HealthReport report = health.check();
        Response.ResponseBuilder answer = Response.status(report.serving ? 200 : 503).entity(Map.of("status", report.status));
        return (report.serving ? answer : answer.header("Retry-After", "5")).build();
    }

    /**
     * The API's front door, for anyone: where its description, the health and the pages are. Of this node it
     * says only whether it runs in demo mode, which every page shows to whoever opens it anyway (the console
     * before login, the kiosk, the online hall); no version: that is for staff, in the health's details.
     */
    @GET
    @PermitAll
    public Map<String, Object> index() {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("openapi", "/api/v1/openapi.json");
        links.put("health", "/api/v1/health");
        links.put("console", "/console/");
        links.put("kiosk", "/kiosk/");
        links.put("online", "/online/");
        links.put("display", "/display/");
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", "OneWindow API v1");
        index.put("demo", node.info().demo);
        index.put("links", links);
        index.put("docs", "docs/api.md of the source distribution; every path is described in openapi.json");
        return index;
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    public InputStream openApi() {
        return NodeResource.class.getResourceAsStream("/openapi/openapi.json");
    }
}
