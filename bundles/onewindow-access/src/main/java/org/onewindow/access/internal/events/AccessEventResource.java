package org.onewindow.access.internal.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.onewindow.problem.Problem;
import org.onewindow.rest.QueryParams;

/** {@code /api/v1/access/events}: the access log, for the auditor (审计管理员) only. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class AccessEventResource {
    private final AccessEvents events;

    public AccessEventResource(AccessEvents events) {
        this.events = events;
    }

    /** Newest first; {@code event} may repeat; {@code from}/{@code to} are ISO instants. */
    @GET
    @Path("events")
    public List<AccessEventDTO> list(@QueryParam("user") String user, @QueryParam("event") List<String> kinds,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("size") @DefaultValue("200") String size) {
        List<AccessEvent> wanted = new ArrayList<>();
        for (String k : kinds) {
            try {
                wanted.add(AccessEvent.valueOf(k));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("INVALID_QUERY", "未知的事件类型：" + k);
            }
        }
        return events.list(user == null || user.isBlank() ? null : user.strip(), wanted, instant("from", from), instant("to", to),
                QueryParams.integer("size", size));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_QUERY", name + " 须为 ISO 时间，如 2026-12-01T00:00:00Z");
        }
    }
}
