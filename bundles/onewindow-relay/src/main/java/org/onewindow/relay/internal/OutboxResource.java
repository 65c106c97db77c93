package org.onewindow.relay.internal;

import java.util.Map;

import javax.annotation.security.RolesAllowed;
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

import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverOutbox;
import org.onewindow.intake.HandoverPage;
import org.onewindow.intake.HandoverState;
import org.onewindow.rest.Caller;
import org.onewindow.rest.QueryParams;

/** {@code /api/v1/relay/outbox}: handovers pending, retrying and dead, and the administrator's retry. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "supervisor"})
public class OutboxResource {
    private final HandoverOutbox outbox;

    OutboxResource(HandoverOutbox outbox) {
        this.outbox = outbox;
    }

    @GET
    public HandoverPage list(@QueryParam("state") String state, @QueryParam("page") @DefaultValue("1") String page,
            @QueryParam("size") @DefaultValue("50") String size, @Context SecurityContext caller) {
        return outbox.list(QueryParams.enumValue(HandoverState.class, "state", state), QueryParams.integer("page", page),
                QueryParams.integer("size", size), Caller.actor(caller));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed("admin")
    public HandoverDTO retry(@PathParam("id") String id, @Context SecurityContext caller) {
        return outbox.retry(QueryParams.integer("id", id), Caller.actor(caller));
    }

    @POST
    @Path("retry-dead")
    @RolesAllowed("admin")
    public Map<String, Integer> retryDead(@Context SecurityContext caller) {
        return Map.of("retried", outbox.retryAllDead(Caller.actor(caller)));
    }
}
