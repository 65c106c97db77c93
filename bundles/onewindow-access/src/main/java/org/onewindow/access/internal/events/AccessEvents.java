package org.onewindow.access.internal.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.Outcome;

/**
 * The access log: logins, failures, lock-outs and every change to an account, kept in the node's audit trail (object
 * {@code USER}, the account concerned; action the {@link AccessEvent}) and read back from it as the auditor's
 * {@code /access/events} and everyone's last logins. Names given at a login are kept as given only if short and
 * printable: a stranger's input is not trusted into the trail.
 */
public final class AccessEvents {
    static final String OBJECT = "USER";
    private static final Set<AccessEvent> FAILURES = Set.of(AccessEvent.LOGIN_FAILED, AccessEvent.SECOND_FACTOR_FAILED, AccessEvent.SHELL_LOGIN_FAILED);
    private static final Set<AccessEvent> REFUSALS = Set.of(AccessEvent.LOGIN_LOCKED, AccessEvent.LOGIN_REFUSED_LOCKED,
            AccessEvent.ACCOUNT_UNDER_ATTACK, AccessEvent.CLIENT_THROTTLED);
    private static final List<String> ALL = Arrays.stream(AccessEvent.values()).map(Enum::name).toList();
    private final AuditTrail trail;

    public AccessEvents(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Records an event in a transaction of its own: a login changes nothing of the database's. {@code user} is the
     * account concerned, {@code actor} whoever acted on it when that is someone else (the security administrator).
     */
    public void record(Instant at, AccessEvent event, String user, String client, String channel, String actor, String detail) {
        trail.record(event(event, user, client, channel, actor, detail));
    }

    static AuditEvent event(AccessEvent event, String user, String client, String channel, String actor, String detail) {
        String account = clean(user, 64);
        String by = clean(actor, 64);
        return AuditEvent.by(event.name(), by != null ? by : account).on(account == null ? null : OBJECT, account)
                .client(clean(client, 64)).channel(channel).detail(clean(detail, 500))
                .outcome(FAILURES.contains(event) ? Outcome.FAILURE : REFUSALS.contains(event) ? Outcome.DENIED : Outcome.SUCCESS);
    }

    /**
     * The newest events first, of one user or all, of some kinds or all, between two instants (either open).
     * {@code size} is at most 1000.
     */
    public List<AccessEventDTO> list(String user, List<AccessEvent> kinds, Instant from, Instant to, int size) {
        AuditQuery q = new AuditQuery();
        if (user != null) {
            q.objectKind = OBJECT;
            q.objectKey = user;
        }
        q.actions = kinds == null || kinds.isEmpty() ? ALL : kinds.stream().map(Enum::name).toList();
        q.from = from;
        q.to = to;
        q.limit = Math.max(1, Math.min(size, 1000));
        return trail.search(q).stream().map(AccessEvents::line).toList();
    }

    private static AccessEventDTO line(AuditRecord r) {
        String user = OBJECT.equals(r.objectKind) ? r.objectKey : null;
        // the acting administrator, when it is not the account's own doing
        String actor = r.actor == null || r.actor.equals(user) || r.actor.equals("anonymous") ? null : r.actor;
        return new AccessEventDTO(r.seq, r.at, r.action, user, r.client, r.channel, actor, r.detail);
    }

    /** Printable text cut to {@code max}; control characters become spaces. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().limit(max).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
        return out.length() > max ? out.substring(0, max) : out.toString();
    }
}
