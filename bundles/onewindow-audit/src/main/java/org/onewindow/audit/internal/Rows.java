package org.onewindow.audit.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.Outcome;

/** {@code AUDIT_RECORD} rows to records and back. */
final class Rows {
    static final String COLUMNS = "SEQ, AT_MILLIS, ACTOR, ROLES, CLIENT, CHANNEL, ACTION, OBJECT_KIND, OBJECT_KEY, CASE_NO, CITIZEN,"
            + " CITIZEN_KEY, OUTCOME, DETAIL, ALGORITHM, PREV_HASH, HASH";
    static final String INSERT = "INSERT INTO AUDIT_RECORD (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private Rows() {
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        AuditRecord r = new AuditRecord();
        r.seq = rs.getLong(1);
        r.at = Instant.ofEpochMilli(rs.getLong(2)).toString();
        r.actor = rs.getString(3);
        r.roles = rs.getString(4);
        r.client = rs.getString(5);
        r.channel = rs.getString(6);
        r.action = rs.getString(7);
        r.objectKind = rs.getString(8);
        r.objectKey = rs.getString(9);
        r.caseNo = rs.getString(10);
        r.citizen = rs.getString(11);
        r.citizenKey = rs.getString(12);
        r.outcome = outcome(rs.getString(13));
        r.detail = rs.getString(14);
        r.algorithm = rs.getString(15);
        r.prevHash = rs.getString(16);
        r.hash = rs.getString(17);
        return r;
    }

    static void bind(PreparedStatement s, AuditRecord r) throws SQLException {
        s.setLong(1, r.seq);
        s.setLong(2, Instant.parse(r.at).toEpochMilli());
        s.setString(3, r.actor);
        s.setString(4, r.roles);
        s.setString(5, r.client);
        s.setString(6, r.channel);
        s.setString(7, r.action);
        s.setString(8, r.objectKind);
        s.setString(9, r.objectKey);
        s.setString(10, r.caseNo);
        s.setString(11, r.citizen);
        s.setString(12, r.citizenKey);
        s.setString(13, r.outcome == null ? null : r.outcome.name());
        s.setString(14, r.detail);
        s.setString(15, r.algorithm);
        s.setString(16, r.prevHash);
        s.setString(17, r.hash);
    }

    /** A stored outcome; one no release wrote (a changed row) reads as null, and the row's hash then tells. */
    private static Outcome outcome(String stored) {
        try {
            return stored == null ? null : Outcome.valueOf(stored);
        } catch (IllegalArgumentException changed) {
            return null;
        }
    }
}
