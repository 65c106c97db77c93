package org.onewindow.bench.internal;

import java.io.InputStream;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.onewindow.rest.RequestBodies;

/** {@code /api/v1/bench/discard}: reads a body whole and drops it: the ceiling replication's HTTP rate is compared with. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DiscardResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Map<String, Integer> discard(InputStream body) {
        return Map.of("bytes", RequestBodies.read(body, 64L * 1024 * 1024).length);
    }
}
