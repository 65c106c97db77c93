package org.onewindow.hub.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.HubHandoverDTO;
import org.onewindow.replication.HubMessageDTO;
import org.onewindow.replication.InboxAckDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 全市通办 at the hub ({@code HUB_MESSAGE}): a case an accepting district hands over waits for the
 * deciding district, which pulls and acknowledges it (the hub then tells the accepting district it
 * arrived); the deciding district's decision, which reaches the hub in its journal as a
 * {@code FOREIGN_CASE} record, waits for the accepting district, and so does an extension of the time
 * limit; a withdrawal at the accepting window, seen in its journal, goes to the deciding district.
 * Every message has a key, so a repeated handover, acknowledgement or journal record makes no second message.
 */
final class CityMessages {
    static final String FOREIGN_CASE = "FOREIGN_CASE";
    /** The deciding district's statuses that answer a delivery. */
    private static final Set<String> ANSWERS = Set.of("APPROVED", "DENIED", "SUPPLEMENT_REQUESTED");
    private static final String COLUMNS = "ID, KIND, MESSAGE_KEY, CASE_NO, FROM_DISTRICT, TO_DISTRICT, CREATED_AT, DELIVERED_AT, LAST_ERROR";
    private final DataSource dataSource;

    CityMessages(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes an accepting district's handover for the district that decides; the same delivery again is answered as before. */
    HubMessageDTO handover(String from, HubHandoverDTO h, Instant now) {
        if (h == null || h.deliveryKey == null || h.deliveryKey.isBlank() || h.deliveryKey.length() > 80 || h.payload == null
                || h.payload.isBlank() || !("CASE".equals(h.purpose) || "SUPPLEMENT".equals(h.purpose))) {
            throw Problem.badRequest("INVALID_HANDOVER", "须有 toDistrict、deliveryKey（至多 80 字符）、caseNo、purpose（CASE 或 SUPPLEMENT）、payload");
        }
        String to = Districts.code(h.toDistrict);
        if (to.equals(from)) {
            throw Problem.badRequest("INVALID_HANDOVER", "不能转给本区自己");
        }
        if (h.caseNo == null || !h.caseNo.startsWith(from + "-") || h.caseNo.length() > 40 || !h.caseNo.equals(payloadCaseNo(h.payload))) {
            throw new Problem(ProblemKind.FORBIDDEN, "FOREIGN_RECORD", "办件 " + h.caseNo + " 不属于区县 " + from);
        }
        return Jdbc.tx(dataSource, c -> {
            HubMessageDTO existing = byKey(c, h.deliveryKey);
            if (existing != null) {
                if (!existing.caseNo.equals(h.caseNo) || !existing.fromDistrict.equals(from)) {
                    throw new Problem(ProblemKind.CONFLICT, "DELIVERY_KEY_TAKEN", "送交编号 " + h.deliveryKey + " 已用于其他办件");
                }
                return existing;
            }
            DistrictState target = state(c, to);
            if (target != DistrictState.APPROVED) {
                // it may be approved (again) later: the accepting district keeps trying
                throw new Problem(ProblemKind.CONFLICT, "DISTRICT_NOT_FEDERATED", "区县 " + to + " 未联网"
                        + (target == null ? "" : "（" + target + "）") + "，暂不能转交");
            }
            insert(c, HubMessageDTO.HANDOVER, h.deliveryKey, h.caseNo, from, to, h.payload, now);
            Districts.event(c, from, "HANDOVER", h.caseNo + " (" + h.purpose + ") to " + to, now);
            return byKey(c, h.deliveryKey);
        });
    }

    /** Messages waiting for a district, oldest first, with their payloads. */
    List<HubMessageDTO> inbox(String district, int limit) {
        return Jdbc.tx(dataSource, c -> {
            List<HubMessageDTO> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", PAYLOAD FROM HUB_MESSAGE"
                    + " WHERE TO_DISTRICT = ? AND DELIVERED_AT IS NULL ORDER BY ID")) {
                s.setMaxRows(limit);
                s.setString(1, district);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        HubMessageDTO m = message(rs);
                        m.payload = rs.getString(10);
                        out.add(m);
                    }
                }
            }
            return out;
        });
    }

    /**
     * A district's acknowledgement: messages applied are delivered (a handover's sender is then told it
     * arrived), others keep the error reported and come again. Returns how many were newly delivered.
     */
    int acknowledge(String district, InboxAckDTO ack, Instant now) {
        if (ack == null || ack.done == null || ack.failed == null || ack.done.size() + ack.failed.size() > 1000) {
            throw Problem.badRequest("INVALID_ACK", "须有 done 与 failed，合计至多 1000 条");
        }
        return Jdbc.tx(dataSource, c -> {
            int delivered = 0;
            for (Long id : ack.done) {
                HubMessageDTO m = id == null ? null : byId(c, id);
                if (m == null || !m.toDistrict.equals(district) || m.deliveredAt != null) {
                    continue;
                }
                Jdbc.update(c, "UPDATE HUB_MESSAGE SET DELIVERED_AT = ?, LAST_ERROR = NULL WHERE ID = ?", now, id);
                delivered++;
                if (HubMessageDTO.HANDOVER.equals(m.kind)) {
                    String receipt = Json.write(Map.of("deliveryKey", m.key, "district", district, "receivedAt", now.toString()));
                    insertOnce(c, HubMessageDTO.RECEIPT, "receipt:" + m.key, m.caseNo, district, m.fromDistrict, receipt, now);
                }
            }
            for (Map.Entry<Long, String> failed : ack.failed.entrySet()) {
                String error = failed.getValue() == null ? "" : Districts.limit(failed.getValue(), 1000);
                Jdbc.update(c, "UPDATE HUB_MESSAGE SET LAST_ERROR = ? WHERE ID = ? AND TO_DISTRICT = ? AND DELIVERED_AT IS NULL",
                        error, failed.getKey(), district);
            }
            return delivered;
        });
    }

    /**
     * The deciding district's journal records of cases handed to it, in the batch's transaction: each
     * must answer a handover the hub brought to that district (else the whole batch is refused), and a
     * decision, denial or request for a supplement becomes one message to the accepting district.
     */
    static void answers(Connection c, String district, List<RecordDTO> records, Instant now) throws SQLException {
        for (RecordDTO r : records) {
            if (!FOREIGN_CASE.equals(r.kind)) {
                continue;
            }
            JsonNode p = BatchApplier.payload(r);
            String delivery = p.path("originDelivery").asText("");
            HubMessageDTO handover = delivery.isEmpty() ? null : byKey(c, delivery);
            if (handover == null || !HubMessageDTO.HANDOVER.equals(handover.kind) || !handover.toDistrict.equals(district)
                    || !handover.caseNo.equals(r.key)) {
                throw new Problem(ProblemKind.FORBIDDEN, "FOREIGN_RECORD", "办件 " + r.key + " 不是经枢纽转给区县 " + district + " 的");
            }
            if (ANSWERS.contains(p.path("status").asText())) {
                insertOnce(c, HubMessageDTO.DECISION, "decision:" + delivery, r.key, district, handover.fromDistrict, r.payload, now);
            }
            int extended = p.path("timeLimit").path("extendedDays").asInt();
            if (extended > 0) {
                // one message per extension: the accepting district's clock follows the deciding district's
                insertOnce(c, HubMessageDTO.EXTENSION, "extension:" + delivery + ":" + extended, r.key, district, handover.fromDistrict,
                        r.payload, now);
            }
        }
    }

    /**
     * The accepting district's own cases, in its batch's transaction: a case withdrawn there that was
     * handed to another district becomes one message to each district it was handed to.
     */
    static void withdrawals(Connection c, String district, List<RecordDTO> records, Instant now) throws SQLException {
        for (RecordDTO r : records) {
            // most records are not withdrawals: look closer only at those that may be
            if (!BatchApplier.CASE.equals(r.kind) || !r.payload.contains("\"WITHDRAWN\"")) {
                continue;
            }
            JsonNode p = BatchApplier.payload(r);
            if (!"WITHDRAWN".equals(p.path("status").asText()) || !"CITY".equals(p.path("route").asText())) {
                continue;
            }
            List<String> deciders = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT TO_DISTRICT FROM HUB_MESSAGE WHERE CASE_NO = ? AND KIND = ?"
                    + " AND FROM_DISTRICT = ?")) {
                Jdbc.bind(s, r.key, HubMessageDTO.HANDOVER, district);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        deciders.add(rs.getString(1));
                    }
                }
            }
            for (String to : deciders) {
                insertOnce(c, HubMessageDTO.WITHDRAWAL, "withdrawal:" + r.key + ":" + to, r.key, district, to,
                        Json.write(Map.of("caseNo", r.key, "withdrawnAt", now.toString())), now);
            }
        }
    }

    /** Cross-district messages for the board, newest first, without payloads; only those waiting when asked. */
    List<HubMessageDTO> list(String district, boolean waiting, int limit) {
        return Jdbc.tx(dataSource, c -> {
            List<HubMessageDTO> out = new ArrayList<>();
            String where = (district == null ? "" : " AND (FROM_DISTRICT = ? OR TO_DISTRICT = ?)") + (waiting ? " AND DELIVERED_AT IS NULL" : "");
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM HUB_MESSAGE WHERE 1 = 1" + where + " ORDER BY ID DESC")) {
                s.setMaxRows(limit);
                if (district != null) {
                    Jdbc.bind(s, district, district);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(message(rs));
                    }
                }
            }
            return out;
        });
    }

    private static void insertOnce(Connection c, String kind, String key, String caseNo, String from, String to, String payload, Instant now)
            throws SQLException {
        if (byKey(c, key) == null) {
            insert(c, kind, key, caseNo, from, to, payload, now);
        }
    }

    private static void insert(Connection c, String kind, String key, String caseNo, String from, String to, String payload, Instant now)
            throws SQLException {
        try {
            Jdbc.update(c, "INSERT INTO HUB_MESSAGE (MESSAGE_KEY, KIND, CASE_NO, FROM_DISTRICT, TO_DISTRICT, PAYLOAD, CREATED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", key, kind, caseNo, from, to, payload, now);
        } catch (SQLException e) {
            if (DbFailures.isUniqueViolation(e)) {
                // another hub instance made it at the same moment: the sender's next attempt finds it
                throw new Problem(ProblemKind.UNAVAILABLE, "TRY_AGAIN", "消息 " + key + " 正由另一枢纽实例写入，请重试");
            }
            throw e;
        }
    }

    private static HubMessageDTO byKey(Connection c, String key) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM HUB_MESSAGE WHERE MESSAGE_KEY = ?", key);
    }

    private static HubMessageDTO byId(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM HUB_MESSAGE WHERE ID = ?", id);
    }

    private static HubMessageDTO one(Connection c, String sql, Object value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, value);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? message(rs) : null;
            }
        }
    }

    private static DistrictState state(Connection c, String district) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT STATE FROM HUB_DISTRICT WHERE CODE = ?")) {
            s.setString(1, district);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? DistrictState.valueOf(rs.getString(1)) : null;
            }
        }
    }

    private static HubMessageDTO message(ResultSet rs) throws SQLException {
        HubMessageDTO m = new HubMessageDTO();
        m.id = rs.getLong(1);
        m.kind = rs.getString(2);
        m.key = rs.getString(3);
        m.caseNo = rs.getString(4);
        m.fromDistrict = rs.getString(5);
        m.toDistrict = rs.getString(6);
        m.createdAt = rs.getTimestamp(7).toInstant().toString();
        Timestamp delivered = rs.getTimestamp(8);
        m.deliveredAt = delivered == null ? null : delivered.toInstant().toString();
        m.lastError = rs.getString(9);
        return m;
    }

    /** The case number a handover's payload claims, to check it against the envelope. */
    private static String payloadCaseNo(String payload) {
        try {
            JsonNode node = Json.mapper().readTree(payload);
            return node == null ? null : node.path("caseFile").path("caseNo").asText(null);
        } catch (IOException e) {
            throw Problem.badRequest("INVALID_HANDOVER", "payload 不是 JSON");
        }
    }
}
