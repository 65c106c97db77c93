package org.onewindow.audit.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.ChainReport;
import org.onewindow.audit.Outcome;
import org.onewindow.security.Actor;

/**
 * What the auditor (审计管理员) does with the trail, and what of it the trail records in turn: a search naming a citizen or
 * a case (a read about a citizen), every export, every verification. Read by the auditor alone (三员分立).
 */
public final class AuditorDesk {
    public static final String SEARCHED = "AUDIT_SEARCH";
    public static final String EXPORTED = "AUDIT_EXPORT";
    public static final String VERIFIED = "AUDIT_VERIFY";

    private final JdbcAuditTrail trail;

    public AuditorDesk(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    /** A page of records, newest first; the next page is asked for with {@code beforeSeq} = the last one's number. */
    public List<AuditRecord> search(AuditQuery query, Actor actor) {
        actor.requireAny(Set.of(Actor.AUDITOR));
        if (hasCitizenOrCase(query)) {
            trail.record(AuditEvent.of(SEARCHED, actor).on("AUDIT", null).citizen(query.citizenId).caseNo(blankToNull(query.caseNo))
                    .detail(filters(query)));
        }
        List<AuditRecord> page = trail.search(query);
        page.forEach(r -> r.citizenKey = null);
        return page;
    }

    /** Every record matching {@code query}, oldest first; the export is recorded before the first line goes out. */
    public long export(AuditQuery query, Actor actor, Consumer<AuditRecord> each) {
        actor.requireAny(Set.of(Actor.AUDITOR));
        trail.record(AuditEvent.of(EXPORTED, actor).on("AUDIT", "csv").citizen(query.citizenId).caseNo(blankToNull(query.caseNo))
                .detail("CSV export: " + filters(query)));
        return trail.export(query, each);
    }

    /** Walks the chain; the verification and what it found are recorded. */
    public ChainReport verify(Actor actor) {
        actor.requireAny(Set.of(Actor.AUDITOR));
        ChainReport report = trail.verify();
        ChainBreak first = report.firstBreak();
        trail.record(AuditEvent.of(VERIFIED, actor).on("AUDIT", "#" + report.anchorSeq + "-#" + report.lastSeq)
                .outcome(first == null ? Outcome.SUCCESS : Outcome.FAILURE)
                .detail(report.checked + " records checked in " + report.millis + " ms; "
                        + (first == null ? "intact" : report.breaks.size() + " break(s), the first " + first)));
        return report;
    }

    private static boolean hasCitizenOrCase(AuditQuery q) {
        return blankToNull(q.citizenId) != null || blankToNull(q.caseNo) != null;
    }

    /** The query as the record tells it: never the citizen's number, which the record keeps masked and keyed. */
    static String filters(AuditQuery q) {
        StringBuilder out = new StringBuilder();
        append(out, "actor", q.actor);
        append(out, "citizen", blankToNull(q.citizenId) == null ? null : "(given)");
        append(out, "case", q.caseNo);
        append(out, "action", q.actions == null || q.actions.isEmpty() ? null : String.join("|", q.actions));
        append(out, "kind", q.objectKind);
        append(out, "key", q.objectKey);
        append(out, "from", q.from == null ? null : q.from.toString());
        append(out, "to", q.to == null ? null : q.to.toString());
        return out.length() == 0 ? "all records" : out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append(out.length() == 0 ? "" : " ").append(name).append('=').append(value.strip());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
