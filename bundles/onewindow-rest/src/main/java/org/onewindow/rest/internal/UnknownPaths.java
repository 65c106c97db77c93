package org.onewindow.rest.internal;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.onewindow.problem.Problem;

/**
 * Published at {@code /api/}, below every capability: a path no capability serves (a typo, the
 * other role's paths, a withdrawn feature's) answers the JSON {@code 404 NOT_FOUND} instead of CXF's
 * HTML page "No service was found.", whatever the method.
 */
@Path("/")
@PermitAll
public class UnknownPaths {
    static Problem notFound() {
        return Problem.notFound("NOT_FOUND", "没有这个接口");
    }

    @GET
    @Path("{any: .*}")
    public String get() {
        throw notFound();
    }

    /** Refuses before any matching, so that every method gets the 404 (not a 405 of this resource). */
    @PreMatching
    static final class Refusal implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            throw notFound();
        }
    }
}
