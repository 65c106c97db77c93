package org.onewindow.hub.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.onewindow.audit.AuditChain;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.BreakKind;
import org.onewindow.audit.ChainBreak;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each district's audit trail as the hub keeps it ({@code HUB_AUDIT}): the records a batch carries are checked, in the
 * batch's transaction with the district's row locked, to follow the last one held (the next number, a link to its hash,
 * their own hash over their fields, by the same rule the district verifies with), and kept. A break is refused, never
 * taken silently: nothing from it on is kept, it is logged as a hub event once ({@code AUDIT_CHAIN_BROKEN}), shown on the
 * board, and told the district in every answer, until a security administrator accepts it by its number.
 */
final class DistrictTrails {
    static final String BROKEN = "AUDIT_CHAIN_BROKEN";
    static final String ACCEPTED = "AUDIT_BREAK_ACCEPTED";
    private static final Logger LOG = LoggerFactory.getLogger(DistrictTrails.class);
    private final AuditChain chain;

    DistrictTrails(AuditChain chain) {
        this.chain = chain;
    }

    /** What the hub holds of a district's trail after a batch, and the break it refuses from, if any. */
    record Held(long seq, ChainBreak broken) {
    }

    /**
     * Takes the records of a district's batch that follow what the hub holds. {@code after} is where the district started
     * them (the last record it believes the hub has); records before what the hub holds are skipped, and a batch starting
     * elsewhere than the hub's last record is not a break (the district sends again from the hub's answer).
     */
    Held apply(Connection c, String district, Long after, List<AuditRecord> records, Instant now) throws SQLException {
        State s = state(c, district);
        long seq = s.seq;
        String hash = s.hash == null ? chain.genesis() : s.hash;
        ChainBreak found = null;
        String accepted = null;
        List<AuditRecord> take = new ArrayList<>();
        List<AuditRecord> sorted = new ArrayList<>(records == null ? List.of() : records);
        sorted.sort(Comparator.comparingLong(r -> r.seq));
        for (AuditRecord r : sorted) {
            if (r == null || r.seq <= seq) {
                continue;
            }
            if (s.acceptSeq != null && take.isEmpty() && r.seq >= s.acceptSeq && s.breakSeq != null && s.acceptSeq.equals(s.breakSeq)) {
                // taken across the break a security administrator accepted, and marked so; the chain goes on from its hash
                accepted = s.breakKind();
            } else {
                ChainBreak b = chain.follows(seq, hash, r);
                if (b != null) {
                    if (b.kind == BreakKind.MISSING && r.seq > seq + 1 && !Objects.equals(after, seq)) {
                        break; // sent from another place than the hub's: it sends again from the acknowledgement
                    }
                    found = b;
                    break;
                }
            }
            take.add(r);
            seq = r.seq;
            hash = r.hash;
        }
        insert(c, district, take, accepted, now);
        ChainBreak standing = found != null ? found : seq >= (s.breakSeq == null ? Long.MAX_VALUE : s.breakSeq) ? null : s.broken();
        boolean news = found != null && (s.breakSeq == null || s.breakSeq != found.seq
                || !Districts.limit(found.toString(), 400).equals(s.breakText));
        Jdbc.update(c, "UPDATE HUB_DISTRICT SET AUDIT_SEQ = ?, AUDIT_HASH = ?, AUDIT_BREAK_SEQ = ?, AUDIT_BREAK = ?, AUDIT_ACCEPT_SEQ = ?"
                + " WHERE CODE = ?", seq, hash, standing == null ? null : standing.seq, standing == null ? null : Districts.limit(standing.toString(), 400),
                accepted != null ? null : s.acceptSeq, district);
        if (accepted != null) {
            Districts.event(c, district, ACCEPTED, "the record #" + take.get(0).seq + " was taken across the accepted break (" + accepted + ")", now);
        }
        if (news) {
            Districts.event(c, district, BROKEN, "audit chain refused from " + found, now);
            LOG.warn("District {}'s audit chain breaks at #{}: {} ({}); nothing after it is kept until a security administrator accepts it",
                    district, found.seq, found.kind, found.detail);
        }
        return new Held(seq, standing);
    }

    /**
     * A security administrator accepts the break the hub refuses a district's trail at ({@code seq}, as the board and the
     * event name it), after district IT found its cause: the next record the district sends is taken across it, marked.
     */
    void accept(Connection c, String district, long seq, String actor, Instant now) throws SQLException {
        State s = state(c, district);
        if (s.breakSeq == null || s.breakSeq != seq) {
            throw new Problem(ProblemKind.CONFLICT, "NO_SUCH_BREAK", "区县 " + district + " 的审计链" + (s.breakSeq == null ? "没有断裂"
                    : "断在 #" + s.breakSeq + "，不是 #" + seq));
        }
        Jdbc.update(c, "UPDATE HUB_DISTRICT SET AUDIT_ACCEPT_SEQ = ? WHERE CODE = ?", seq, district);
        Districts.event(c, district, ACCEPTED, "by " + actor + ": the break at " + s.breakText + " will be crossed by the next record", now);
    }

    private static State state(Connection c, String district) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT AUDIT_SEQ, AUDIT_HASH, AUDIT_BREAK_SEQ, AUDIT_BREAK, AUDIT_ACCEPT_SEQ FROM HUB_DISTRICT"
                + " WHERE CODE = ?")) {
            s.setString(1, district);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw Problem.notFound("DISTRICT_NOT_FOUND", "没有区县 " + district + " 的注册");
                }
                long breakSeq = rs.getLong(3);
                Long b = rs.wasNull() ? null : breakSeq;
                long acceptSeq = rs.getLong(5);
                Long a = rs.wasNull() ? null : acceptSeq;
                return new State(rs.getLong(1), rs.getString(2), b, rs.getString(4), a);
            }
        }
    }

    private record State(long seq, String hash, Long breakSeq, String breakText, Long acceptSeq) {
        ChainBreak broken() {
            return breakSeq == null ? null : new ChainBreak(breakSeq, kind(), breakText);
        }

        String breakKind() {
            return kind().name();
        }

        /** The kind, as the stored text names it ({@code #12 CHANGED: ...}). */
        private BreakKind kind() {
            for (BreakKind k : BreakKind.values()) {
                if (breakText != null && breakText.contains(" " + k.name() + ":")) {
                    return k;
                }
            }
            return BreakKind.CHANGED;
        }
    }

    private static void insert(Connection c, String district, List<AuditRecord> take, String accepted, Instant now) throws SQLException {
        if (take.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO HUB_AUDIT (DISTRICT, SEQ, AT_MILLIS, ACTOR, ROLES, CLIENT, CHANNEL, ACTION,"
                + " OBJECT_KIND, OBJECT_KEY, CASE_NO, CITIZEN, CITIZEN_KEY, OUTCOME, DETAIL, ALGORITHM, PREV_HASH, HASH, ACCEPTED_BREAK, RECEIVED_AT)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean first = true;
            for (AuditRecord r : take) {
                // a record taken across an accepted break is kept as it came, whatever it holds
                Jdbc.bind(insert, district, r.seq, r.at == null ? 0L : Instant.parse(r.at).toEpochMilli(), cut(or(r.actor), 100), cut(r.roles, 200),
                        cut(r.client, 64), cut(r.channel, 16), cut(or(r.action), 40), cut(r.objectKind, 32), cut(r.objectKey, 200), cut(r.caseNo, 40),
                        cut(r.citizen, 40), cut(r.citizenKey, 64), r.outcome == null ? null : r.outcome.name(), cut(r.detail, 1000),
                        cut(or(r.algorithm), 16), cut(or(r.prevHash), 128), cut(or(r.hash), 128), first ? accepted : null, now);
                insert.addBatch();
                first = false;
            }
            insert.executeBatch();
        }
    }

    private static String or(String text) {
        return text == null ? "" : text;
    }

    /** A district's record is checked before it is kept; a field too long for its column would only have broken its hash. */
    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
