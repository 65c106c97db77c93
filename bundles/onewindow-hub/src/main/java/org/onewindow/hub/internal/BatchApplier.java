package org.onewindow.hub.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RecordDigests;
import org.onewindow.rest.Json;

/**
 * Applies a district's batch in one transaction, in sequence order, idempotently: records the hub
 * already has are skipped, and nothing after a gap is applied (the district then ships again from
 * the acknowledged number). Only a batch that continues the journal the hub holds is applied
 * ({@link JournalContinuity}); a rewound one is refused, and so is everything of that district until it reconciled. The district's row is locked for the transaction, so two hub instances
 * sharing one database apply a district's batches one after the other, never twice. The district's audit
 * trail that came with it is checked and kept in the same transaction ({@link DistrictTrails}).
 */
final class BatchApplier {
    static final String CASE = "CASE";
    static final String CARD = "CARD";
    static final String LICENCE = "LICENCE";
    private final DataSource dataSource;
    private final DistrictTrails trails;

    BatchApplier(DataSource dataSource, DistrictTrails trails) {
        this.dataSource = dataSource;
        this.trails = trails;
    }

    /**
     * A record of the batch belongs to another district: the whole batch is refused. Answers the fields of the batch's case
     * records, read here once ({@link RecordFields}) for {@link #apply} to write without reading the payloads again.
     */
    static Map<RecordDTO, RecordFields> checkOwnership(String district, BatchDTO batch) {
        if (!district.equals(batch.district)) {
            throw foreign("批次声明的区县 " + batch.district + " 不是签名的区县 " + district);
        }
        Map<RecordDTO, RecordFields> read = new IdentityHashMap<>();
        for (RecordDTO r : batch.records) {
            if (r == null || r.kind == null || r.key == null || r.payload == null || r.seq <= 0) {
                throw Problem.badRequest("INVALID_BATCH", "批次记录须有 seq、kind、key、payload");
            }
            if (CASE.equals(r.kind)) {
                RecordFields c = RecordFields.of(r);
                // a key that starts with the district's code is never the "" or "null" the tree read a missing or null caseNo as
                if (!r.key.startsWith(district + "-") || !r.key.equals(c.caseNo())) {
                    throw foreign("办件 " + r.key + " 不属于区县 " + district);
                }
                read.put(r, c);
            }
        }
        return read;
    }

    /** The batch applied, its payloads read where {@link #checkOwnership} did not read them already. */
    AckDTO apply(String district, BatchDTO batch, String nonce, Instant now, Instant forgetNoncesBefore) {
        return apply(district, batch, new IdentityHashMap<>(), nonce, now, forgetNoncesBefore);
    }

    AckDTO apply(String district, BatchDTO batch, Map<RecordDTO, RecordFields> read, String nonce, Instant now, Instant forgetNoncesBefore) {
        List<RecordDTO> records = new ArrayList<>(batch.records);
        records.sort(Comparator.comparingLong(r -> r.seq));
        Applied outcome = Jdbc.tx(dataSource, c -> {
            long acked;
            String ackedDigest;
            Timestamp refusedSince;
            try (PreparedStatement s = c.prepareStatement("SELECT STATE, ACKED_SEQ, ACKED_DIGEST, REWOUND_AT FROM HUB_DISTRICT WHERE CODE = ? FOR UPDATE")) {
                s.setString(1, district);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || DistrictState.valueOf(rs.getString(1)) != DistrictState.APPROVED) {
                        throw new Problem(ProblemKind.FORBIDDEN, "DISTRICT_NOT_APPROVED", "区县 " + district + " 未获批准联网");
                    }
                    acked = rs.getLong(2);
                    ackedDigest = rs.getString(3);
                    refusedSince = rs.getTimestamp(4);
                }
            }
            JournalContinuity.Judgement judged = JournalContinuity.judge(acked, ackedDigest, refusedSince, batch, records);
            if (judged.rewound() != null) {
                // the district's journal went back (a data/ restored from an older copy): its records under numbers the
                // hub has are other records, so nothing is taken, now or once its numbers pass the acknowledged one, until
                // the district has reconciled (taken back what the hub holds of it, rebased its journal); the mark is
                // committed, the batch refused
                if (refusedSince == null) {
                    Jdbc.update(c, "UPDATE HUB_DISTRICT SET REWOUND_AT = ?, REWOUND_DETAIL = ?, LAST_CONTACT = ? WHERE CODE = ?", now,
                            Districts.limit(judged.rewound(), 400), now, district);
                    Districts.event(c, district, "JOURNAL_REWOUND", judged.rewound() + " (journal to #" + batch.journalLastSeq + ")", now);
                }
                return new Applied(null, acked, judged.rewound());
            }
            Districts.useNonce(c, district, nonce, now);
            Jdbc.update(c, "DELETE FROM HUB_NONCE WHERE DISTRICT = ? AND SEEN_AT < ?", district, forgetNoncesBefore);
            List<RecordDTO> take = new ArrayList<>();
            for (RecordDTO r : judged.mayApply() ? records : List.<RecordDTO>of()) {
                if (r.seq <= acked) {
                    continue;
                }
                if (r.seq != acked + 1) {
                    break;
                }
                take.add(r);
                acked = r.seq;
            }
            String digest = take.isEmpty() ? ackedDigest : RecordDigests.of(take.get(take.size() - 1));
            write(c, district, take, read);
            CityMessages.answers(c, district, take, now);
            CityMessages.withdrawals(c, district, take, now);
            int applied = take.size();
            String lastWrittenAt = take.isEmpty() ? null : take.get(take.size() - 1).writtenAt;
            // lag: none once the hub has all the district had written when it sent the batch; else the age of
            // the newest record applied (the hub's copy is at most that far behind)
            Long lag = acked >= batch.journalLastSeq ? Long.valueOf(0)
                    : lastWrittenAt == null ? null : Long.valueOf(Math.max(0, now.toEpochMilli() - Instant.parse(lastWrittenAt).toEpochMilli()));
            Jdbc.update(c, "UPDATE HUB_DISTRICT SET ACKED_SEQ = ?, ACKED_DIGEST = ?, JOURNAL_LAST_SEQ = ?, LAST_CONTACT = ?,"
                    + " VERSION = COALESCE(CAST(? AS VARCHAR(40)), VERSION), LAG_MILLIS = COALESCE(CAST(? AS BIGINT), LAG_MILLIS)"
                    + " WHERE CODE = ?", acked, digest, Math.max(acked, batch.journalLastSeq), now, batch.version, lag, district);
            AckDTO ack = new AckDTO();
            ack.acked = acked;
            ack.applied = applied;
            ack.verified = judged.verified();
            // the district's audit trail, checked record by record; a batch without one still learns what the hub holds
            DistrictTrails.Held trail = trails.apply(c, district, batch.auditAfter, batch.audit, now);
            ack.auditAcked = trail.seq();
            ack.auditBreak = trail.broken();
            return new Applied(ack, acked, null);
        });
        if (outcome.rewound() != null) {
            throw new Problem(ProblemKind.CONFLICT, "JOURNAL_REWOUND", outcome.rewound() + "：区县数据库可能已从较早的备份恢复。枢纽在区县对账"
                    + "（取回枢纽已确认的本区记录）完成前不接收其日志，区县会自动对账", List.of(new ProblemDetail("journal", "acked",
                            Long.toString(outcome.acked()))));
        }
        return outcome.ack();
    }

    /** A batch's outcome: the acknowledgement, or why it was refused as rewound (after the mark was committed). */
    private record Applied(AckDTO ack, long acked, String rewound) {
    }

    /**
     * Writes the records' latest state per key, batched: one look-up of which keys the hub already has,
     * then one batch of updates and one of inserts per table (a batch often carries several states of one case).
     */
    private static void write(Connection c, String district, List<RecordDTO> take, Map<RecordDTO, RecordFields> read) throws SQLException {
        Map<String, RecordDTO> cases = new LinkedHashMap<>();
        Map<String, Map<String, RecordDTO>> others = new LinkedHashMap<>();
        for (RecordDTO r : take) {
            if (CASE.equals(r.kind)) {
                cases.put(r.key, r);
            } else {
                others.computeIfAbsent(r.kind, k -> new LinkedHashMap<>()).put(r.key, r);
            }
        }
        writeCases(c, district, cases, read);
        for (Map.Entry<String, Map<String, RecordDTO>> kind : others.entrySet()) {
            writeRecords(c, district, kind.getKey(), kind.getValue());
        }
    }

    private static void writeCases(Connection c, String district, Map<String, RecordDTO> cases, Map<RecordDTO, RecordFields> read)
            throws SQLException {
        if (cases.isEmpty()) {
            return;
        }
        // what each case counted for on the board before this batch, to take it out of there (CaseTallies)
        Map<String, CaseTallies.Counted> before = new HashMap<>();
        chunked(c, "SELECT CASE_NO, DEPT_CODE, DEPT_NAME, CHANNEL, STATUS, CREATED_AT, VISITS, IN_TIME FROM HUB_CASE WHERE CASE_NO IN ",
                List.of(), cases.keySet(), rs -> before.put(rs.getString(1), new CaseTallies.Counted(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6), intOrNull(rs, 7), shortOrNull(rs, 8))));
        CaseTallies tallies = new CaseTallies(district);
        try (PreparedStatement update = c.prepareStatement("UPDATE HUB_CASE SET SEQ = ?, ITEM_CODE = ?, DEPT_CODE = ?, DEPT_NAME = ?,"
                + " CHANNEL = ?, STATUS = ?, CREATED_AT = ?, VISITS = ?, IN_TIME = ?, PAYLOAD = ? WHERE CASE_NO = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO HUB_CASE (SEQ, ITEM_CODE, DEPT_CODE, DEPT_NAME, CHANNEL, STATUS,"
                        + " CREATED_AT, VISITS, IN_TIME, PAYLOAD, CASE_NO, DISTRICT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RecordDTO r : cases.values()) {
                RecordFields p = read.computeIfAbsent(r, RecordFields::of);
                Timestamp created = p.createdAt() == null ? null : Timestamp.from(Instant.parse(p.createdAt()));
                Object[] columns = {r.seq, p.itemCode(), p.departmentCode(), p.departmentName(), p.channel(), p.status(), created, p.visits(),
                    p.inTime(), r.payload, r.key};
                CaseTallies.Counted old = before.get(r.key);
                if (old != null) {
                    tallies.remove(old);
                }
                tallies.add(new CaseTallies.Counted(p.departmentCode(), p.departmentName(), p.channel(), p.status(), created, p.visits(),
                        p.inTime()), old == null);
                if (old != null) {
                    Jdbc.bind(update, columns);
                    update.addBatch();
                } else {
                    Jdbc.bind(insert, append(columns, district));
                    insert.addBatch();
                }
            }
            update.executeBatch();
            insert.executeBatch();
        }
        tallies.write(c);
    }

    private static void writeRecords(Connection c, String district, String kind, Map<String, RecordDTO> records) throws SQLException {
        Set<String> existing = existing(c, "SELECT RECORD_KEY FROM HUB_RECORD WHERE DISTRICT = ? AND KIND = ? AND RECORD_KEY IN ",
                List.of(district, kind), records.keySet());
        try (PreparedStatement update = c.prepareStatement("UPDATE HUB_RECORD SET SEQ = ?, PAYLOAD = ?, COLOUR = ? WHERE DISTRICT = ?"
                + " AND KIND = ? AND RECORD_KEY = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO HUB_RECORD (SEQ, PAYLOAD, COLOUR, DISTRICT, KIND, RECORD_KEY)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RecordDTO r : records.values()) {
                PreparedStatement s = existing.contains(r.key) ? update : insert;
                Jdbc.bind(s, r.seq, r.payload, CARD.equals(kind) ? OpenCards.colour(RecordFields.of(r)) : null, district, kind, r.key);
                s.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
        long added = records.size() - existing.size();
        if (LICENCE.equals(kind) && added > 0) {
            Jdbc.update(c, "UPDATE HUB_DISTRICT SET LICENCES = LICENCES + ? WHERE CODE = ?", added, district);
        }
    }

    /** Which of {@code keys} the query (ending in {@code IN }) finds, asked in chunks of 200. */
    private static Set<String> existing(Connection c, String query, List<Object> before, Collection<String> keys) throws SQLException {
        Set<String> out = new HashSet<>();
        chunked(c, query, before, keys, rs -> out.add(rs.getString(1)));
        return out;
    }

    /** Runs the query (ending in {@code IN }) for {@code keys} in chunks of 200, each row to {@code row}. */
    private static void chunked(Connection c, String query, List<Object> before, Collection<String> keys, Row row) throws SQLException {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 200) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 200));
            try (PreparedStatement s = c.prepareStatement(query + "(" + Jdbc.placeholders(chunk.size()) + ")")) {
                List<Object> values = new ArrayList<>(before);
                values.addAll(chunk);
                Jdbc.bind(s, values.toArray());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Short shortOrNull(ResultSet rs, int column) throws SQLException {
        short value = rs.getShort(column);
        return rs.wasNull() ? null : value;
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    static JsonNode payload(RecordDTO r) {
        try {
            JsonNode node = Json.mapper().readTree(r.payload);
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("INVALID_BATCH", "记录 #" + r.seq + " 的 payload 不是 JSON 对象");
            }
            return node;
        } catch (IOException e) {
            throw Problem.badRequest("INVALID_BATCH", "记录 #" + r.seq + " 的 payload 不是 JSON");
        }
    }

    private static Problem foreign(String message) {
        return new Problem(ProblemKind.FORBIDDEN, "FOREIGN_RECORD", message);
    }
}
