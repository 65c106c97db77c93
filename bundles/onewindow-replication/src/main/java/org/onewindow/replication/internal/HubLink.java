package org.onewindow.replication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.replication.DistrictState;
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

        /** Whether this link still has to move to the district's own key pair. */
        boolean legacy() {
            return legacyKey != null || token != null;
        }
    }

    private final DataSource dataSource;

    HubLink(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The link, or null before registration. */
    Row read() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT HUB_URL, DISTRICT, TOKEN, STATE, SIGNING_KEY, ACKED_SEQ, REGISTERED_AT,"
                        + " LAST_SHIPPED_AT, LAST_ERROR, KEY_ALGORITHM, PUBLIC_KEY, HUB_CERT_SHA256 FROM REPL_LINK WHERE ID = 1");
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
        long acked = old != null && old.hubUrl.equals(hubUrl) ? old.acked : 0;
        Jdbc.tx(dataSource, c -> {
            Jdbc.update(c, "DELETE FROM REPL_LINK");
            return Jdbc.update(c, "INSERT INTO REPL_LINK (ID, HUB_URL, DISTRICT, STATE, ACKED_SEQ, REGISTERED_AT, KEY_ALGORITHM, PUBLIC_KEY,"
                    + " LAST_ERROR, HUB_CERT_SHA256) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)", hubUrl, key.district(), state.name(), acked, at,
                    key.algorithm().name(), key.publicKeyBase64(), limit(lastError), hubCertificate);
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

    void acked(long seq, Instant at) {
        update("UPDATE REPL_LINK SET ACKED_SEQ = ?, LAST_SHIPPED_AT = ?, LAST_ERROR = NULL WHERE ID = 1", seq, at);
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
