package org.onewindow.replication.internal;

import java.io.InputStream;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.onewindow.replication.LinkStatusDTO;
import org.onewindow.rest.Json;
import org.onewindow.rest.RequestBodies;

import com.fasterxml.jackson.core.type.TypeReference;

/** {@code /api/v1/replication}: this district's link to the city hub. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
public class ReplicationResource {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };
    private final ReplicationShipper shipper;

    ReplicationResource(ReplicationShipper shipper) {
        this.shipper = shipper;
    }

    @GET
    public LinkStatusDTO status() {
        return shipper.link();
    }

    /** Body {@code {"hubUrl": "https://hub.example:8181"}}. */
    @POST
    @Path("registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public LinkStatusDTO register(InputStream body) {
        Map<String, String> fields = Json.read(RequestBodies.read(body, 4096), FIELDS);
        return shipper.register(fields == null ? null : fields.get("hubUrl"));
    }
}
