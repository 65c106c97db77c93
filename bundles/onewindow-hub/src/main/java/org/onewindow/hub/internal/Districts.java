package org.onewindow.hub.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.HubEventDTO;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.security.Hmac;

/** The federated districts ({@code HUB_DISTRICT}) and what happened to them ({@code HUB_EVENT}). */
final class Districts {
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DataSource dataSource;

    Districts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the hub needs to check a district's request. */
    static final class Credential {
        String code;
        DistrictState state;
        byte[] key;
    }

    /** A new district waits for approval; one that is pending or revoked may register again with a new token. */
    RegistrationStateDTO register(RegistrationDTO r, Instant now) {
        String code = code(r == null ? null : r.district);
        if (r.name == null || r.name.isBlank() || r.name.strip().length() > 100) {
            throw Problem.badRequest("INVALID_REGISTRATION", "name 必填，最多 100 字");
        }
        if (r.token == null || r.token.strip().length() < 32 || r.token.strip().length() > 200) {
            throw Problem.badRequest("INVALID_REGISTRATION", "token 须为 32 至 200 个字符的随机串");
        }
        String tokenHash = Hmac.sha256(r.token.strip().getBytes(StandardCharsets.UTF_8));
        String version = r.version == null ? null : limit(r.version, 40);
        return Jdbc.tx(dataSource, c -> {
            DistrictState state = state(c, code, true);
            if (state == DistrictState.APPROVED || state == DistrictState.SUSPENDED) {
                throw new Problem(ProblemKind.CONFLICT, "DISTRICT_EXISTS", "区县 " + code + " 已联网（" + state
                        + "）；重新注册须先由市级管理员吊销");
            }
            if (state == null) {
                Jdbc.update(c, "INSERT INTO HUB_DISTRICT (CODE, NAME, STATE, TOKEN_HASH, VERSION, REGISTERED_AT) VALUES (?, ?, ?, ?, ?, ?)",
                        code, r.name.strip(), DistrictState.PENDING.name(), tokenHash, version, now);
            } else {
                // registering again starts the district's journal afresh: it ships all of it, and the records
                // the hub has already are written again unchanged
                Jdbc.update(c, "UPDATE HUB_DISTRICT SET NAME = ?, STATE = ?, TOKEN_HASH = ?, SIGNING_KEY = NULL, VERSION = ?,"
                        + " REGISTERED_AT = ?, APPROVED_AT = NULL, ACKED_SEQ = 0, JOURNAL_LAST_SEQ = 0, LAG_MILLIS = NULL WHERE CODE = ?",
                        r.name.strip(), DistrictState.PENDING.name(), tokenHash, version, now, code);
            }
            event(c, code, "REGISTERED", r.name.strip() + " " + (version == null ? "" : version), now);
            RegistrationStateDTO out = new RegistrationStateDTO();
            out.district = code;
            out.state = DistrictState.PENDING;
            return out;
        });
    }

    /** The registration's state for the holder of its token; the key once approved. */
    RegistrationStateDTO registration(String district, String token) {
        String code = code(district);
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT STATE, TOKEN_HASH, SIGNING_KEY FROM HUB_DISTRICT WHERE CODE = ?")) {
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || token == null
                            || !Hmac.matches(rs.getString(2), Hmac.sha256(token.strip().getBytes(StandardCharsets.UTF_8)))) {
                        throw new Problem(ProblemKind.FORBIDDEN, "TOKEN_INVALID", "注册凭据不符");
                    }
                    RegistrationStateDTO out = new RegistrationStateDTO();
                    out.district = code;
                    out.state = DistrictState.valueOf(rs.getString(1));
                    out.key = out.state == DistrictState.APPROVED ? rs.getString(3) : null;
                    return out;
                }
            }
        });
    }

    /** Moves a district to {@code to}, from the states {@code from}; approving a pending one issues its key. */
    DistrictDTO change(String district, DistrictState to, List<DistrictState> from, String actor, Instant now) {
        String code = code(district);
        Jdbc.tx(dataSource, c -> {
            DistrictState state = state(c, code, true);
            if (state == null) {
                throw Problem.notFound("DISTRICT_NOT_FOUND", "没有区县 " + code + " 的注册");
            }
            if (!from.contains(state)) {
                throw new Problem(ProblemKind.CONFLICT, "DISTRICT_STATE", "区县 " + code + " 当前为 " + state + "，不能改为 " + to);
            }
            if (to == DistrictState.APPROVED && state == DistrictState.PENDING) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Jdbc.update(c, "UPDATE HUB_DISTRICT SET STATE = ?, SIGNING_KEY = ?, APPROVED_AT = ? WHERE CODE = ?",
                        to.name(), Base64.getEncoder().encodeToString(key), now, code);
            } else {
                // a revoked district's key is kept (void) so that its requests are told so, authentically,
                // until it registers again
                Jdbc.update(c, "UPDATE HUB_DISTRICT SET STATE = ? WHERE CODE = ?", to.name(), code);
            }
            event(c, code, to.name(), "by " + actor + " (was " + state + ")", now);
            return null;
        });
        return list().stream().filter(d -> d.code.equals(code)).findFirst().orElseThrow();
    }

    Credential credential(String district) {
        if (district == null || !CODE.matcher(district).matches()) {
            return null;
        }
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT STATE, SIGNING_KEY FROM HUB_DISTRICT WHERE CODE = ?")) {
                s.setString(1, district);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    Credential out = new Credential();
                    out.code = district;
                    out.state = DistrictState.valueOf(rs.getString(1));
                    out.key = rs.getString(2) == null ? null : Base64.getDecoder().decode(rs.getString(2));
                    return out;
                }
            }
        });
    }

    /** A nonce used once (a read, outside any batch's transaction): {@code REPLAYED} if seen before. */
    void useNonce(String district, String nonce, Instant now) {
        Jdbc.tx(dataSource, c -> {
            useNonce(c, district, nonce, now);
            return null;
        });
    }

    /** Records a nonce inside the caller's transaction: {@code REPLAYED} if this district used it before. */
    static void useNonce(Connection c, String district, String nonce, Instant now) throws SQLException {
        try {
            Jdbc.update(c, "INSERT INTO HUB_NONCE (DISTRICT, NONCE, SEEN_AT) VALUES (?, ?, ?)", district, nonce, now);
        } catch (SQLException e) {
            if (DbFailures.isUniqueViolation(e)) {
                throw new Problem(ProblemKind.CONFLICT, "REPLAYED", "重复的请求（nonce 已用过）");
            }
            throw e;
        }
    }

    /** Records a refused request of a district, in a transaction of its own (the request's is rolled back). */
    void refused(String district, String why, Instant now) {
        Jdbc.tx(dataSource, c -> {
            if (Jdbc.update(c, "UPDATE HUB_DISTRICT SET REFUSALS = REFUSALS + 1 WHERE CODE = ?", district) == 1) {
                event(c, district, "REFUSED", why, now);
            }
            return null;
        });
    }

    List<DistrictDTO> list() {
        return Jdbc.tx(dataSource, c -> {
            List<DistrictDTO> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT d.CODE, d.NAME, d.STATE, d.VERSION, d.REGISTERED_AT, d.APPROVED_AT,"
                    + " d.LAST_CONTACT, d.ACKED_SEQ, d.JOURNAL_LAST_SEQ, d.LAG_MILLIS, d.REFUSALS,"
                    + " (SELECT COUNT(*) FROM HUB_CASE h WHERE h.DISTRICT = d.CODE),"
                    + " (SELECT COUNT(*) FROM HUB_MESSAGE m WHERE m.TO_DISTRICT = d.CODE AND m.DELIVERED_AT IS NULL)"
                    + " FROM HUB_DISTRICT d ORDER BY d.CODE");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DistrictDTO d = new DistrictDTO();
                    d.code = rs.getString(1);
                    d.name = rs.getString(2);
                    d.state = DistrictState.valueOf(rs.getString(3));
                    d.version = rs.getString(4);
                    d.registeredAt = Jdbc.instant(rs.getTimestamp(5));
                    d.approvedAt = Jdbc.instant(rs.getTimestamp(6));
                    d.lastContact = Jdbc.instant(rs.getTimestamp(7));
                    d.ackedSeq = rs.getLong(8);
                    d.backlog = Math.max(0, rs.getLong(9) - d.ackedSeq);
                    long lag = rs.getLong(10);
                    d.lagMillis = rs.wasNull() ? null : lag;
                    d.refusals = rs.getLong(11);
                    d.cases = rs.getLong(12);
                    d.inbox = rs.getLong(13);
                    out.add(d);
                }
            }
            return out;
        });
    }

    /** The latest events, of one district or all, newest first. */
    List<HubEventDTO> events(String district, int size) {
        return Jdbc.tx(dataSource, c -> {
            List<HubEventDTO> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT EVENT_AT, DISTRICT, EVENT, DETAIL FROM HUB_EVENT"
                    + (district == null ? "" : " WHERE DISTRICT = ?") + " ORDER BY ID DESC")) {
                if (district != null) {
                    s.setString(1, district);
                }
                s.setMaxRows(size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        HubEventDTO e = new HubEventDTO();
                        e.at = Jdbc.instant(rs.getTimestamp(1));
                        e.district = rs.getString(2);
                        e.event = rs.getString(3);
                        e.detail = rs.getString(4);
                        out.add(e);
                    }
                }
            }
            return out;
        });
    }

    /** Writes an event in a transaction of its own. */
    void event(String district, String event, String detail, Instant now) {
        Jdbc.tx(dataSource, c -> {
            event(c, district, event, detail, now);
            return null;
        });
    }

    static String code(String district) {
        if (district == null || !CODE.matcher(district.strip()).matches()) {
            throw Problem.badRequest("INVALID_DISTRICT", "区县代码须为六位行政区划代码：" + district);
        }
        return district.strip();
    }

    private static DistrictState state(Connection c, String code, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT STATE FROM HUB_DISTRICT WHERE CODE = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? DistrictState.valueOf(rs.getString(1)) : null;
            }
        }
    }

    static void event(Connection c, String district, String event, String detail, Instant now) throws SQLException {
        Jdbc.update(c, "INSERT INTO HUB_EVENT (DISTRICT, EVENT_AT, EVENT, DETAIL) VALUES (?, ?, ?, ?)", district, now, event, limit(detail, 1000));
    }

    /** Text cut to fit its column. */
    static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
