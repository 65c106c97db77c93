package org.onewindow.evaluation.internal.pads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.internal.Tokens;
import org.onewindow.evaluation.PadDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/**
 * Rating pads ({@code EVAL_PAD}): a pad registers and gets a random token (kept only as its hash) and a six-digit pairing
 * code it shows; an administrator who types that code binds it to a window. A pad nobody bound within the pairing time is
 * deleted.
 */
public final class PadStore {
    private static final String COLUMNS = "ID, PAIRING_CODE, WINDOW_NO, CLIENT, CREATED_AT, BOUND_AT, BOUND_BY, LAST_SEEN_AT";

    private PadStore() {
    }

    /** A pad as stored, its token's hash aside. */
    public record Pad(long id, String pairingCode, Integer windowNo, String client, Timestamp createdAt, Timestamp boundAt, String boundBy,
            Timestamp lastSeenAt) {
        public PadDTO dto() {
            return new PadDTO(id, windowNo == null ? pairingCode : null, windowNo != null, windowNo, client, Jdbc.instant(createdAt),
                    Jdbc.instant(boundAt), boundBy, Jdbc.instant(lastSeenAt));
        }
    }

    /** A new pad: answers it and its token. */
    public static Registered register(Connection c, String client, Instant now) throws SQLException {
        String token = Tokens.next(24);
        String code = String.format("%06d", Tokens.number(1_000_000));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO EVAL_PAD (TOKEN_HASH, PAIRING_CODE, CLIENT, CREATED_AT) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(s, Tokens.hash(token), code, client == null || client.length() <= 64 ? client : client.substring(0, 64), now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Registered(keys.getLong(1), token, code);
            }
        }
    }

    public record Registered(long id, String token, String pairingCode) {
    }

    /** The pad holding {@code token}; {@code 401 PAD_UNKNOWN} for none (never registered, removed, or not bound in time). */
    public static Pad byToken(Connection c, String token, Instant now) throws SQLException {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw unknown();
        }
        List<Pad> found = list(c, "WHERE TOKEN_HASH = ?", Tokens.hash(token.strip()));
        if (found.isEmpty()) {
            throw unknown();
        }
        // a pad asks every few seconds: its last contact is written once a minute, not a commit on every poll
        Jdbc.update(c, "UPDATE EVAL_PAD SET LAST_SEEN_AT = ? WHERE ID = ? AND (LAST_SEEN_AT IS NULL OR LAST_SEEN_AT < ?)", now, found.get(0).id(),
                now.minusSeconds(60));
        return found.get(0);
    }

    public static Optional<Pad> byId(Connection c, long id) throws SQLException {
        List<Pad> found = list(c, "WHERE ID = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public static List<Pad> list(Connection c, String where, Object... values) throws SQLException {
        List<Pad> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM EVAL_PAD " + where)) {
            Jdbc.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int window = r.getInt(3);
                    Integer windowNo = r.wasNull() ? null : window;
                    out.add(new Pad(r.getLong(1), r.getString(2), windowNo, r.getString(4), r.getTimestamp(5),
                            r.getTimestamp(6), r.getString(7), r.getTimestamp(8)));
                }
            }
        }
        return out;
    }

    /** Forgets the pads nobody bound since {@code before}. */
    public static int sweep(Connection c, Instant before) throws SQLException {
        return Jdbc.update(c, "DELETE FROM EVAL_PAD WHERE WINDOW_NO IS NULL AND CREATED_AT < ?", before);
    }

    static Problem unknown() {
        return new Problem(ProblemKind.UNAUTHORIZED, "PAD_UNKNOWN", "此评价器未登记或已解除绑定，请重新打开评价页面并由管理员绑定窗口");
    }
}
