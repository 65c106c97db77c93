package org.onewindow.metrics.internal;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.onewindow.security.Actor;

/**
 * {@code GET /api/v1/metrics}: the figures in Prometheus' text format, or OpenMetrics when the scraper asks for it.
 * For the monitoring system's own account ({@code monitor}) and the system administrator, who sees the same figures
 * in the console; not for the security administrator or the auditor (三员分立), nor for the hall's staff.
 */
@Path("/")
public class MetricsResource {
    private final Scraper scraper;

    /** What writes the figures for an {@code Accept} header. */
    interface Scraper {
        Exposition.Scrape scrape(String accept);
    }

    MetricsResource(Scraper scraper) {
        this.scraper = scraper;
    }

    @GET
    @Produces("*/*")
    @RolesAllowed({Actor.MONITOR, Actor.ADMIN})
    public Response metrics(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Exposition.Scrape scrape = scraper.scrape(accept);
        return Response.ok(scrape.body()).type(scrape.contentType()).build();
    }
}
