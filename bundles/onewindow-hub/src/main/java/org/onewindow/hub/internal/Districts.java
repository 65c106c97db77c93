package org.onewindow.hub.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.HubEventDTO;
import org.onewindow.replication.KeyCandidateDTO;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.RegistrationStateDTO;

/** The federated districts ({@code HUB_DISTRICT}) and what happened to them ({@code HUB_EVENT}). */
final class Districts {
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private final DataSource dataSource;

    Districts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A registration's name and release as the hub keeps them; 400 {@code INVALID_REGISTRATION} for a bad name. */
    static String name(RegistrationDTO r) {
        if (r.name == null || r.name.isBlank() || r.name.strip().length() > 100 || hasControl(r.name)) {
            throw Problem.badRequest("INVALID_REGISTRATION", "name 必填，最多 100 字，不含控制字符");
        }
        return r.name.strip();
    }

    /** The release a registration gave, cut to its column; null if none or if it holds control characters (it goes into logs). */
    static String version(RegistrationDTO r) {
        return r.version == null || hasControl(r.version) ? null : limit(r.version.strip(), 40);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** The state of a registered district (for its own signed request), with the key the hub has for it. */
    RegistrationStateDTO registration(String code) {
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT STATE, KEY_ALGORITHM, KEY_FINGERPRINT FROM HUB_DISTRICT WHERE CODE = ?")) {
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw Problem.notFound("DISTRICT_NOT_FOUND", "没有区县 " + code + " 的注册");
                    }
                    RegistrationStateDTO out = new RegistrationStateDTO();
                    out.district = code;
                    out.state = DistrictState.valueOf(rs.getString(1));
                    out.algorithm = rs.getString(2);
                    out.fingerprint = KeyFingerprints.grouped(rs.getString(3));
                    return out;
                }
            }
        });
    }

    /**
     * Moves a district to {@code to}, from the states {@code from}. An approval must name the fingerprint of the
     * district's registered key, as district IT read it on its appliance: another one is refused
     * ({@code FINGERPRINT_MISMATCH}, logged), and so is a district still on its shared key ({@code KEY_MISSING}).
     */
    DistrictDTO change(String district, DistrictState to, List<DistrictState> from, String fingerprint, String actor, Instant now) {
        String code = code(district);
        String typed = to == DistrictState.APPROVED ? KeyFingerprints.normalize(fingerprint) : null;
        if (to == DistrictState.APPROVED && typed == null) {
            throw Problem.badRequest("INVALID_FINGERPRINT", "批准须填写区县设备上显示的密钥指纹（64 位十六进制，可带空格）");
        }
        boolean matched = Jdbc.tx(dataSource, c -> {
            String registered;
            DistrictState state;
            try (PreparedStatement s = c.prepareStatement("SELECT STATE, KEY_FINGERPRINT FROM HUB_DISTRICT WHERE CODE = ? FOR UPDATE")) {
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw Problem.notFound("DISTRICT_NOT_FOUND", "没有区县 " + code + " 的注册");
                    }
                    state = DistrictState.valueOf(rs.getString(1));
                    registered = rs.getString(2);
                }
            }
            if (!from.contains(state)) {
                throw new Problem(ProblemKind.CONFLICT, "DISTRICT_STATE", "区县 " + code + " 当前为 " + state + "，不能改为 " + to);
            }
            if (to == DistrictState.APPROVED) {
                if (registered == null) {
                    throw new Problem(ProblemKind.CONFLICT, "KEY_MISSING", "区县 " + code + " 尚未换用自己的密钥对（旧版共享密钥）：待其换钥后再批准");
                }
                if (!typed.equals(registered)) {
                    event(c, code, "APPROVAL_REFUSED", "by " + actor + ": fingerprint " + KeyFingerprints.grouped(typed)
                            + " is not the registered key's " + KeyFingerprints.grouped(registered), now);
                    return false;
                }
                Jdbc.update(c, "UPDATE HUB_DISTRICT SET STATE = ?, APPROVED_AT = COALESCE(CAST(? AS TIMESTAMP), APPROVED_AT) WHERE CODE = ?",
                        to.name(), state == DistrictState.PENDING ? now : null, code);
            } else {
                // a revoked district's public key is kept so that its requests are told so, authentically, until it
                // registers again
                Jdbc.update(c, "UPDATE HUB_DISTRICT SET STATE = ? WHERE CODE = ?", to.name(), code);
            }
            event(c, code, to.name(), "by " + actor + " (was " + state + ")"
                    + (registered == null ? "" : ", key " + KeyFingerprints.grouped(registered)), now);
            return true;
        });
        if (!matched) {
            throw new Problem(ProblemKind.CONFLICT, "FINGERPRINT_MISMATCH", "所填指纹与区县 " + code
                    + " 登记的密钥指纹不符：请与区县信息部门再次核对；若不符，可能有人冒用该区划代码注册，切勿批准");
        }
        return list().stream().filter(d -> d.code.equals(code)).findFirst().orElseThrow();
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
            Map<String, List<KeyCandidateDTO>> candidates = DistrictKeys.candidates(c);
            try (PreparedStatement s = c.prepareStatement("SELECT d.CODE, d.NAME, d.STATE, d.VERSION, d.REGISTERED_AT, d.APPROVED_AT,"
                    + " d.LAST_CONTACT, d.ACKED_SEQ, d.JOURNAL_LAST_SEQ, d.LAG_MILLIS, d.REFUSALS,"
                    + " d.KEY_ALGORITHM, d.KEY_FINGERPRINT, d.KEY_SINCE, d.LEGACY_KEY, d.LEGACY_TOKEN_HASH, d.AUDIT_SEQ, d.AUDIT_BREAK,"
                    + " d.REWOUND_AT, d.REWOUND_DETAIL, d.RECONCILED_AT,"
                    + " d.CASES,"
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
                    d.keyAlgorithm = rs.getString(12);
                    d.fingerprint = KeyFingerprints.grouped(rs.getString(13));
                    d.keySince = Jdbc.instant(rs.getTimestamp(14));
                    d.legacyKey = d.fingerprint == null && (rs.getString(15) != null || rs.getString(16) != null);
                    d.auditSeq = rs.getLong(17);
                    d.auditBreak = rs.getString(18);
                    Timestamp rewound = rs.getTimestamp(19);
                    d.rewound = rewound == null ? null : Jdbc.instant(rewound) + " " + rs.getString(20);
                    d.reconciledAt = Jdbc.instant(rs.getTimestamp(21));
                    d.cases = rs.getLong(22);
                    d.inbox = rs.getLong(23);
                    d.candidates = candidates.getOrDefault(d.code, List.of());
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
