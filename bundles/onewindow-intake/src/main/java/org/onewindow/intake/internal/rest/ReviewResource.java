package org.onewindow.intake.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.CasePage;
import org.onewindow.rest.Caller;
import org.onewindow.rest.QueryParams;

/** {@code /api/v1/review}: the back-office queue of the reviewer's departments. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reviewer")
public class ReviewResource {
    private final BackOfficeService backOffice;

    ReviewResource(BackOfficeService backOffice) {
        this.backOffice = backOffice;
    }

    /** Cases under review, oldest deadline first; {@code department} narrows to one of the reviewer's departments. */
    @GET
    @Path("queue")
    public CasePage queue(@QueryParam("department") String department, @QueryParam("page") @DefaultValue("1") String page,
            @QueryParam("size") @DefaultValue("20") String size, @Context SecurityContext caller) {
        return StaffViews.masked(backOffice.queue(department, QueryParams.integer("page", page), QueryParams.integer("size", size),
                Caller.actor(caller)));
    }
}
