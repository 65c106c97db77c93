package org.onewindow.audit.internal.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.ChainReport;
import org.onewindow.audit.internal.AuditorDesk;
import org.onewindow.problem.Problem;
import org.onewindow.rest.Caller;
import org.onewindow.rest.QueryParams;
import org.onewindow.security.Actor;

/** {@code /api/v1/audit}: the trail, its verification and its CSV export, for the auditor (审计管理员) alone. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("auditor")
public class AuditResource {
    private final AuditorDesk desk;
    private final ZoneId zone;

    public AuditResource(AuditorDesk desk, ZoneId zone) {
        this.desk = desk;
        this.zone = zone;
    }

    /** One page, newest first: {@code before} is the {@code next} of the page before. */
    @GET
    public PageDTO search(@QueryParam("actor") String actor, @QueryParam("citizen") String citizen, @QueryParam("case") String caseNo,
            @QueryParam("action") List<String> actions, @QueryParam("kind") String kind, @QueryParam("key") String key,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("before") String before,
            @QueryParam("size") @DefaultValue("100") String size, @Context SecurityContext caller) {
        AuditQuery q = query(actor, citizen, caseNo, actions, kind, key, from, to);
        int limit = QueryParams.integer("size", size);
        if (limit < 1 || limit > 1000) {
            throw Problem.badRequest("INVALID_QUERY", "size 须在 1 到 1000 之间");
        }
        q.limit = limit;
        if (before != null && !before.isBlank()) {
            q.beforeSeq = (long) QueryParams.integer("before", before);
        }
        List<AuditRecord> records = desk.search(q, Caller.actor(caller));
        return new PageDTO(records, records.size() == limit ? records.get(records.size() - 1).seq : null);
    }

    /** A page of the trail, and where the next one starts (null at the oldest record). */
    public record PageDTO(List<AuditRecord> records, Long next) {
    }

    @GET
    @Path("verify")
    public ChainReport verify(@Context SecurityContext caller) {
        return desk.verify(Caller.actor(caller));
    }

    /** The records matching the same filters as the page, oldest first, as CSV; the export is itself recorded. */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("citizen") String citizen, @QueryParam("case") String caseNo,
            @QueryParam("action") List<String> actions, @QueryParam("kind") String kind, @QueryParam("key") String key,
            @QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext caller) {
        AuditQuery q = query(actor, citizen, caseNo, actions, kind, key, from, to);
        Actor who = Caller.actor(caller);
        // the role is checked, and the export recorded, before the answer starts
        who.requireAny(java.util.Set.of(Actor.AUDITOR));
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            w.write(CsvRows.HEADER);
            desk.export(q, who, r -> {
                try {
                    w.write(CsvRows.line(r));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + Instant.now().toString().substring(0, 10) + ".csv\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private AuditQuery query(String actor, String citizen, String caseNo, List<String> actions, String kind, String key, String from,
            String to) {
        AuditQuery q = new AuditQuery();
        q.actor = blankToNull(actor);
        q.citizenId = blankToNull(citizen);
        q.caseNo = blankToNull(caseNo);
        q.actions = actions == null ? List.of() : actions.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        q.objectKind = blankToNull(kind);
        q.objectKey = blankToNull(key);
        q.from = instant("from", from, false);
        q.to = instant("to", to, true);
        return q;
    }

    /** An ISO instant, or a day ({@code 2026-12-01}) of the hall's zone: from its start, or to its end. */
    private Instant instant(String name, String value, boolean endOfDay) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).plusDays(endOfDay ? 1 : 0).atStartOfDay(zone).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_QUERY", name + " 须为日期（2026-12-01）或 ISO 时间（2026-12-01T00:00:00Z）");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
