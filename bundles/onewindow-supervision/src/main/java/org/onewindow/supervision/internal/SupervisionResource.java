package org.onewindow.supervision.internal;

import java.time.Instant;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.rest.Caller;
import org.onewindow.rest.QueryParams;
import org.onewindow.supervision.CardBoardDTO;
import org.onewindow.supervision.CardColor;
import org.onewindow.supervision.RunDTO;
import org.onewindow.supervision.StatisticsDTO;
import org.onewindow.supervision.SupervisionService;

/** {@code /api/v1/supervision}: the yellow and red cards, and the figures by department and item. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
public class SupervisionResource {
    private final SupervisionService supervision;

    SupervisionResource(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @GET
    @Path("cards")
    public CardBoardDTO cards(@QueryParam("color") String color, @QueryParam("department") String department,
            @Context SecurityContext caller) {
        return supervision.cards(QueryParams.enumValue(CardColor.class, "color", color), department, Caller.actor(caller));
    }

    @GET
    @Path("stats")
    public StatisticsDTO stats(@Context SecurityContext caller) {
        return supervision.statistics(Caller.actor(caller));
    }

    /** Runs supervision now, on the real clock, instead of waiting for the job. */
    @POST
    @Path("runs")
    @RolesAllowed("admin")
    public RunDTO run() {
        return supervision.run(Instant.now());
    }
}
