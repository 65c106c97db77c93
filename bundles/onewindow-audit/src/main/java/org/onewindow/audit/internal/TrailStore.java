package org.onewindow.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.ChainReport;
import org.onewindow.audit.TrailHead;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;

/**
 * The trail in {@code AUDIT_RECORD}, written the way the change journal is: the head row is updated first in the
 * appending transaction, which holds its lock until it commits, so records are numbered without gaps in commit order;
 * the head also holds the last hash, so an append reads one row and writes two. Plain JDBC over the caller's connection.
 */
final class TrailStore {
    static final int MAX_PAGE = 1000;
    private static final int FETCH = 1000;

    private final DataSource dataSource;
    private final ChainHashes hashes;
    private final CitizenKeys citizens;
    private final Supplier<String> algorithm;
    private final Clock clock;
    /** Verification and pruning take turns: a walk must not see its first records pruned under it. */
    private final Object maintenance = new Object();

    TrailStore(DataSource dataSource, ChainHashes hashes, CitizenKeys citizens, Supplier<String> algorithm, Clock clock) {
        this.dataSource = dataSource;
        this.hashes = hashes;
        this.citizens = citizens;
        this.algorithm = algorithm;
        this.clock = clock;
    }

    long append(Connection c, AuditEvent event) {
        AuditRecord r = fields(event);
        try {
            // the update locks the head until the caller commits: the chain follows commit order
            Jdbc.update(c, "UPDATE AUDIT_HEAD SET LAST_SEQ = LAST_SEQ + 1 WHERE ID = 1");
            try (PreparedStatement s = c.prepareStatement("SELECT LAST_SEQ, LAST_HASH FROM AUDIT_HEAD WHERE ID = 1");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                r.seq = rs.getLong(1);
                r.prevHash = rs.getString(2);
            }
            // stamped under the lock, so that times never go back along the chain (moved records keep theirs)
            r.at = Instant.ofEpochMilli(event.at() == null ? clock.millis() : event.at().toEpochMilli()).toString();
            r.hash = hashes.hash(r);
            if (r.hash == null) {
                throw new IllegalStateException("The audit trail's hash algorithm " + r.algorithm + " is not installed");
            }
            try (PreparedStatement insert = c.prepareStatement(Rows.INSERT)) {
                Rows.bind(insert, r);
                insert.executeUpdate();
            }
            Jdbc.update(c, "UPDATE AUDIT_HEAD SET LAST_HASH = ? WHERE ID = 1", r.hash);
            return r.seq;
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail cannot record " + event.action() + ": " + e.getMessage(), e);
        }
    }

    int adopt(Connection c, String select, org.onewindow.audit.AuditTrail.Row row, String delete) {
        try {
            int n = 0;
            try (PreparedStatement s = c.prepareStatement(select); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    append(c, row.of(rs));
                    n++;
                }
            }
            if (n > 0) {
                Jdbc.update(c, delete);
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("An older log could not be moved into the audit trail: " + e.getMessage(), e);
        }
    }

    long record(AuditEvent event) {
        return DbFailures.retryTransient(3, () -> Jdbc.tx(dataSource, c -> append(c, event)));
    }

    /** The event's fields as stored: cleaned and cut to their columns, the citizen masked and keyed, never whole. */
    private AuditRecord fields(AuditEvent e) {
        AuditRecord r = new AuditRecord();
        r.actor = Texts.clean(e.actor(), 100);
        r.roles = Texts.clean(e.roles(), 200);
        r.client = Texts.clean(e.client(), 64);
        r.channel = Texts.clean(e.channel(), 16);
        r.action = Texts.clean(e.action(), 40);
        r.objectKind = Texts.clean(e.objectKind(), 32);
        r.objectKey = Texts.scrubbed(e.objectKey(), 200);
        r.caseNo = Texts.clean(e.caseNo(), 40);
        String id = e.citizenId() == null || e.citizenId().isBlank() ? null : e.citizenId().strip().toUpperCase(java.util.Locale.ROOT);
        r.citizen = id == null ? null : Texts.clean(IdNumbers.mask(id), 40);
        r.citizenKey = citizens.of(id);
        r.outcome = e.outcome();
        r.detail = Texts.scrubbed(e.detail(), 1000);
        r.algorithm = algorithm.get();
        return r;
    }

    /** Records matching {@code q}, newest first, at most {@link #MAX_PAGE}. */
    List<AuditRecord> search(AuditQuery q) {
        List<Object> values = new ArrayList<>();
        String where = where(q, values);
        if (q.beforeSeq != null) {
            where += " AND SEQ < ?";
            values.add(q.beforeSeq);
        }
        String sql = "SELECT " + Rows.COLUMNS + " FROM AUDIT_RECORD" + where + " ORDER BY SEQ DESC";
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Jdbc.bind(s, values.toArray());
                s.setMaxRows(Math.max(1, Math.min(q.limit, MAX_PAGE)));
                List<AuditRecord> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(Rows.read(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Every record matching {@code q} (its page fields aside), oldest first, handed to {@code each} as read. */
    long export(AuditQuery q, Consumer<AuditRecord> each) {
        List<Object> values = new ArrayList<>();
        String sql = "SELECT " + Rows.COLUMNS + " FROM AUDIT_RECORD" + where(q, values) + " ORDER BY SEQ";
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                Jdbc.bind(s, values.toArray());
                s.setFetchSize(FETCH);
                long n = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(Rows.read(rs));
                        n++;
                    }
                }
                return n;
            }
        });
    }

    private String where(AuditQuery q, List<Object> values) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        condition(where, values, "ACTOR", q.actor);
        condition(where, values, "CITIZEN_KEY", citizens.of(q.citizenId));
        condition(where, values, "CASE_NO", q.caseNo);
        condition(where, values, "OBJECT_KIND", q.objectKind);
        condition(where, values, "OBJECT_KEY", q.objectKey);
        if (q.actions != null && !q.actions.isEmpty()) {
            where.append(" AND ACTION IN (").append(String.join(", ", q.actions.stream().map(a -> "?").toList())).append(")");
            values.addAll(q.actions);
        }
        if (q.from != null) {
            where.append(" AND AT_MILLIS >= ?");
            values.add(q.from.toEpochMilli());
        }
        if (q.to != null) {
            where.append(" AND AT_MILLIS < ?");
            values.add(q.to.toEpochMilli());
        }
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> values, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(column).append(" = ?");
            values.add(value.strip());
        }
    }

    List<AuditRecord> after(long seq, int limit) {
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + Rows.COLUMNS + " FROM AUDIT_RECORD WHERE SEQ > ? ORDER BY SEQ")) {
                s.setLong(1, seq);
                s.setMaxRows(Math.max(1, limit));
                List<AuditRecord> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(Rows.read(rs));
                    }
                }
                return out;
            }
        });
    }

    TrailHead head() {
        return Jdbc.tx(dataSource, TrailStore::head);
    }

    private static TrailHead head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT h.LAST_SEQ, h.LAST_HASH, m.ANCHOR_SEQ, m.ANCHOR_HASH, m.SHIPPED_SEQ"
                + " FROM AUDIT_HEAD h, AUDIT_MARK m WHERE h.ID = 1 AND m.ID = 1"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return new TrailHead(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5));
        }
    }

    void shipped(long seq) {
        Jdbc.tx(dataSource, c -> Jdbc.update(c, "UPDATE AUDIT_MARK SET SHIPPED_SEQ = ? WHERE ID = 1", Math.max(0, seq)));
    }

    /** Walks the chain from the anchor to the head as it stands now. */
    ChainReport verify() {
        synchronized (maintenance) {
            long started = System.nanoTime();
            TrailHead head = head();
            ChainReport report = Jdbc.tx(dataSource, c -> {
                ChainWalk walk = new ChainWalk(hashes, head, hash -> whereIs(c, hash));
                try (PreparedStatement s = c.prepareStatement("SELECT " + Rows.COLUMNS + " FROM AUDIT_RECORD WHERE SEQ <= ? ORDER BY SEQ")) {
                    s.setLong(1, head.lastSeq());
                    s.setFetchSize(FETCH);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            walk.next(Rows.read(rs));
                        }
                    }
                }
                return walk.end();
            });
            report.millis = (System.nanoTime() - started) / 1_000_000;
            return report;
        }
    }

    /** The number of the record of hash {@code hash}, for telling a moved record from a missing one; null if none. */
    private static Long whereIs(Connection c, String hash) {
        try (PreparedStatement s = c.prepareStatement("SELECT SEQ FROM AUDIT_RECORD WHERE HASH = ?")) {
            s.setString(1, hash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail cannot be searched for a hash", e);
        }
    }

    /**
     * Deletes the records up to {@code upToSeq} older than {@code before}, from the anchor on and only while every one
     * is older (a record moved from an older log keeps its old time but not its place), in transactions of
     * {@code chunk} records, each moving the anchor to its last record: the chain stays verifiable throughout.
     */
    Pruned prune(long upToSeq, Instant before, int chunk) {
        synchronized (maintenance) {
            long deleted = 0;
            while (true) {
                long done = Jdbc.tx(dataSource, c -> pruneChunk(c, upToSeq, before.toEpochMilli(), chunk));
                if (done == 0) {
                    return new Pruned(deleted, head().anchorSeq());
                }
                deleted += done;
            }
        }
    }

    private static long pruneChunk(Connection c, long upToSeq, long beforeMillis, int chunk) throws SQLException {
        long anchor;
        try (PreparedStatement s = c.prepareStatement("SELECT ANCHOR_SEQ FROM AUDIT_MARK WHERE ID = 1"); ResultSet rs = s.executeQuery()) {
            rs.next();
            anchor = rs.getLong(1);
        }
        long last = anchor;
        String lastHash = null;
        try (PreparedStatement s = c.prepareStatement("SELECT SEQ, AT_MILLIS, HASH FROM AUDIT_RECORD WHERE SEQ > ? AND SEQ <= ? ORDER BY SEQ")) {
            s.setLong(1, anchor);
            s.setLong(2, upToSeq);
            s.setMaxRows(chunk);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && rs.getLong(1) == last + 1 && rs.getLong(2) < beforeMillis) {
                    last = rs.getLong(1);
                    lastHash = rs.getString(3);
                }
            }
        }
        if (last == anchor) {
            return 0;
        }
        long n = Jdbc.update(c, "DELETE FROM AUDIT_RECORD WHERE SEQ > ? AND SEQ <= ?", anchor, last);
        Jdbc.update(c, "UPDATE AUDIT_MARK SET ANCHOR_SEQ = ?, ANCHOR_HASH = ? WHERE ID = 1", last, lastHash);
        return n;
    }
}
