package org.onewindow.replication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.db.RestoreNote;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.RestoreNoteDTO;
import org.onewindow.replication.SigningKey;

/** The district's link to the hub, one row of {@code REPL_LINK}, read and written with plain JDBC. */
final class HubLink {
    /** One snapshot of the row. */
    static final class Row {
        String hubUrl;
        String district;
        DistrictState state;
        /** The public key the hub was told (base64 of its X.509 encoding) and its scheme; null before the rollover of an old link. */
        String keyAlgorithm;
        String publicKey;
        /** Of a link made before key pairs, until its rollover: the shared key the hub gave (base64) and the registration token. */
        String legacyKey;
        String token;
        long acked;
        Instant registeredAt;
        Instant lastShippedAt;
        String lastError;
        /** The SHA-256 fingerprint of the hub's certificate, pinned at registration (HTTPS); null over plain HTTP. */
        String hubCertificate;
        /** The digest of this district's record at {@link #acked}, which every batch carries; null if unknown. */
        String ackedDigest;
        /** The last acknowledged number the hub checked against its own record: where both surely agree. */
        long verified;
        /** The restore the hub found, if any: its state and progress. */
        Restore restore;

        /** Whether this link still has to move to the district's own key pair. */
        boolean legacy() {
            return legacyKey != null || token != null;
        }
    }

    /** A restore the hub found and this district's reconciliation of it, as {@code REPL_LINK} keeps it. */
    record Restore(String state, Instant detectedAt, long point, Long hubAcked, long progress, long records, Long rebasedAt, Instant doneAt,
            String error) {
    }

    private final DataSource dataSource;

    HubLink(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The link, or null before registration. */
    Row read() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT HUB_URL, DISTRICT, TOKEN, STATE, SIGNING_KEY, ACKED_SEQ, REGISTERED_AT,"
                        + " LAST_SHIPPED_AT, LAST_ERROR, KEY_ALGORITHM, PUBLIC_KEY, HUB_CERT_SHA256, ACKED_DIGEST, VERIFIED_SEQ, RESTORE_STATE,"
                        + " RESTORE_DETECTED_AT, RESTORE_POINT, RESTORE_HUB_ACKED, RESTORE_PROGRESS, RESTORE_RECORDS, RESTORE_REBASED_AT,"
                        + " RESTORE_DONE_AT, RESTORE_ERROR FROM REPL_LINK WHERE ID = 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Row r = new Row();
            r.hubUrl = rs.getString(1);
            r.district = rs.getString(2);
            r.token = rs.getString(3);
            r.state = DistrictState.valueOf(rs.getString(4));
            r.legacyKey = rs.getString(5);
            r.acked = rs.getLong(6);
            r.registeredAt = rs.getTimestamp(7).toInstant();
            Timestamp shipped = rs.getTimestamp(8);
            r.lastShippedAt = shipped == null ? null : shipped.toInstant();
            r.lastError = rs.getString(9);
            r.keyAlgorithm = rs.getString(10);
            r.publicKey = rs.getString(11);
            r.hubCertificate = rs.getString(12);
            r.ackedDigest = rs.getString(13);
            r.verified = rs.getLong(14);
            if (rs.getString(15) != null) {
                r.restore = new Restore(rs.getString(15), instant(rs.getTimestamp(16)), rs.getLong(17), (Long) rs.getObject(18), rs.getLong(19),
                        rs.getLong(20), (Long) rs.getObject(21), instant(rs.getTimestamp(22)), rs.getString(23));
            }
            return r;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the hub link", e);
        }
    }

    /**
     * A new registration replaces the old link, with this district's key, in {@code state} as the hub answered
     * ({@code lastError} saying why, when the hub kept the key as a candidate only). What the hub acknowledged is
     * kept when it is the same hub; a new hub receives the whole journal.
     */
    void register(String hubUrl, String hubCertificate, SigningKey key, DistrictState state, String lastError, Instant at) {
        Row old = read();
        boolean same = old != null && old.hubUrl.equals(hubUrl);
        long acked = same ? old.acked : 0;
        Jdbc.tx(dataSource, c -> {
            Jdbc.update(c, "DELETE FROM REPL_LINK");
            return Jdbc.update(c, "INSERT INTO REPL_LINK (ID, HUB_URL, DISTRICT, STATE, ACKED_SEQ, REGISTERED_AT, KEY_ALGORITHM, PUBLIC_KEY,"
                    + " LAST_ERROR, HUB_CERT_SHA256, ACKED_DIGEST, VERIFIED_SEQ) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", hubUrl, key.district(),
                    state.name(), acked, at, key.algorithm().name(), key.publicKeyBase64(), limit(lastError), hubCertificate,
                    same ? old.ackedDigest : null, same ? old.verified : 0);
        });
    }

    /** The hub took this district's own key in place of the shared one: nothing shared is kept any more. */
    void rolledOver(SigningKey key) {
        update("UPDATE REPL_LINK SET KEY_ALGORITHM = ?, PUBLIC_KEY = ?, SIGNING_KEY = NULL, TOKEN = NULL, LAST_ERROR = NULL WHERE ID = 1",
                key.algorithm().name(), key.publicKeyBase64());
    }

    /** District IT confirmed another certificate of the hub (renewed there): only it is trusted from now on. */
    void pinHub(String fingerprint) {
        update("UPDATE REPL_LINK SET HUB_CERT_SHA256 = ?, LAST_ERROR = NULL WHERE ID = 1", fingerprint);
    }

    void state(DistrictState state, String error) {
        update("UPDATE REPL_LINK SET STATE = ?, LAST_ERROR = ? WHERE ID = 1", state.name(), limit(error));
    }

    /** The hub acknowledged {@code seq}; {@code digest} is this district's record there; {@code verified} if the hub checked it. */
    void acked(long seq, String digest, boolean verified, Instant at) {
        update("UPDATE REPL_LINK SET ACKED_SEQ = ?, ACKED_DIGEST = ?, VERIFIED_SEQ = CASE WHEN ? = 1 THEN ? ELSE VERIFIED_SEQ END,"
                + " LAST_SHIPPED_AT = ?, LAST_ERROR = NULL WHERE ID = 1", seq, digest, verified ? 1 : 0, seq, at);
    }

    /** The hub found this journal rewound: reconciliation starts from the last number both agreed on. */
    void rewound(String error, Instant at) {
        update("UPDATE REPL_LINK SET RESTORE_STATE = 'REWOUND', RESTORE_DETECTED_AT = ?, RESTORE_POINT = VERIFIED_SEQ, RESTORE_PROGRESS = VERIFIED_SEQ,"
                + " RESTORE_HUB_ACKED = NULL, RESTORE_RECORDS = 0, RESTORE_REBASED_AT = NULL, RESTORE_DONE_AT = NULL, RESTORE_ERROR = NULL,"
                + " LAST_ERROR = ? WHERE ID = 1", at, limit(error));
        update("DELETE FROM REPL_RESTORE_NOTE");
    }

    /** A page of the hub's records up to {@code progress} was applied, with what district IT must look at. */
    void restored(long hubAcked, long progress, int records, List<RestoreNote> notes, Instant at) {
        Jdbc.tx(dataSource, c -> {
            Jdbc.update(c, "UPDATE REPL_LINK SET RESTORE_HUB_ACKED = ?, RESTORE_PROGRESS = ?, RESTORE_RECORDS = RESTORE_RECORDS + ?, RESTORE_ERROR = NULL"
                    + " WHERE ID = 1", hubAcked, progress, records);
            for (RestoreNote n : notes) {
                Jdbc.update(c, "INSERT INTO REPL_RESTORE_NOTE (KIND, NOTE_KEY, DETAIL, CREATED_AT) VALUES (?, ?, ?, ?)", n.kind(),
                        n.key() == null || n.key().length() <= 200 ? n.key() : n.key().substring(0, 200), limit(n.detail()), at);
            }
            return null;
        });
    }

    void restoreState(String state, String error) {
        update("UPDATE REPL_LINK SET RESTORE_STATE = ?, RESTORE_ERROR = ? WHERE ID = 1", state, limit(error));
    }

    void restoreError(String error) {
        update("UPDATE REPL_LINK SET RESTORE_ERROR = ? WHERE ID = 1", limit(error));
    }

    /** The hub took the rebased journal: shipping goes on after {@code rebasedAt}, continuing from {@code digest}. */
    void reconciled(long rebasedAt, String digest, Instant at) {
        update("UPDATE REPL_LINK SET RESTORE_STATE = 'RECONCILED', RESTORE_REBASED_AT = ?, RESTORE_DONE_AT = ?, RESTORE_ERROR = NULL,"
                + " ACKED_SEQ = ?, ACKED_DIGEST = ?, VERIFIED_SEQ = ?, LAST_SHIPPED_AT = ?, LAST_ERROR = NULL WHERE ID = 1", rebasedAt, at, rebasedAt,
                digest, rebasedAt, at);
    }

    /** The notes of the last reconciliation, oldest first. */
    List<RestoreNoteDTO> notes(int max) {
        return Jdbc.tx(dataSource, c -> {
            List<RestoreNoteDTO> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT KIND, NOTE_KEY, DETAIL FROM REPL_RESTORE_NOTE ORDER BY ID")) {
                s.setMaxRows(max);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        RestoreNoteDTO n = new RestoreNoteDTO();
                        n.kind = rs.getString(1);
                        n.key = rs.getString(2);
                        n.detail = rs.getString(3);
                        out.add(n);
                    }
                }
            }
            return out;
        });
    }

    /** Whether the last reconciliation left a note of {@code kind}. */
    boolean hasNotes(String kind) {
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM REPL_RESTORE_NOTE WHERE KIND = ?")) {
                s.setString(1, kind);
                s.setMaxRows(1);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    void failed(String error) {
        update("UPDATE REPL_LINK SET LAST_ERROR = ? WHERE ID = 1", limit(error));
    }

    private static String limit(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private void update(String sql, Object... values) {
        Jdbc.tx(dataSource, c -> Jdbc.update(c, sql, values));
    }
}
