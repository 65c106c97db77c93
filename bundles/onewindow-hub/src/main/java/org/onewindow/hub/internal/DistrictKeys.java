package org.onewindow.hub.internal;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.KeyCandidateDTO;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.replication.SignatureAlgorithm;
import org.onewindow.replication.SignatureAlgorithms;

/**
 * The districts' public keys at the hub ({@code HUB_DISTRICT}'s key columns, {@code HUB_KEY_CANDIDATE}): a
 * registration, which a taken code refuses (keeping the key as a candidate); the one rollover of a district
 * federated before public keys; the replacement of a district's key by a security administrator. The hub
 * holds no secret of a district, only what checks its signatures.
 */
final class DistrictKeys {
    /** Candidates kept per district code; an older one goes when another arrives. */
    static final int CANDIDATES_KEPT = 10;
    private final DataSource dataSource;
    /** Parsed public keys by fingerprint: a key is parsed once, not at every request. */
    private final Map<String, PublicKey> parsed = new ConcurrentHashMap<>();

    DistrictKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the hub checks a district's request with; {@code key} null for a district still on its shared key. */
    record Credential(String code, DistrictState state, SignatureAlgorithm algorithm, PublicKey key, String fingerprint) {
    }

    /** A key as a registration or a rollover presents it, checked: a scheme the hub accepts, an encoding of that scheme. */
    record PresentedKey(SignatureAlgorithm algorithm, PublicKey key, String base64, String fingerprint) {

        static PresentedKey of(String algorithm, String publicKey, Set<String> accepted) {
            if (algorithm == null || !accepted.contains(algorithm.strip())) {
                throw Problem.badRequest("UNSUPPORTED_ALGORITHM", "签名算法须为 " + accepted + " 之一：" + algorithm);
            }
            SignatureAlgorithm scheme = SignatureAlgorithms.named(algorithm.strip());
            byte[] encoded;
            try {
                encoded = publicKey == null || publicKey.length() > 1000 ? null : Base64.getDecoder().decode(publicKey.strip());
            } catch (IllegalArgumentException e) {
                encoded = null;
            }
            if (encoded == null) {
                throw Problem.badRequest("INVALID_KEY", "publicKey 须为公钥 X.509 编码的 base64");
            }
            try {
                return new PresentedKey(scheme, scheme.publicKey(encoded), Base64.getEncoder().encodeToString(encoded),
                        KeyFingerprints.of(encoded));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest("INVALID_KEY", "publicKey 不是 " + scheme.name() + " 公钥");
            }
        }
    }

    /** The district's row as a key decision needs it, locked. */
    private record Row(DistrictState state, String fingerprint, String legacyKey, String legacyTokenHash, long acked) {
    }

    /** What a registration asks of a new district: nothing, or the enrolment code a city administrator issued for it. */
    record Enrolment(boolean required, String code) {
        static final Enrolment NONE = new Enrolment(false, null);
    }

    /** A registration's outcome: the state, or the refusal to throw once the transaction (with its event) committed. */
    private record Outcome(RegistrationStateDTO state, Problem refusal) {
    }

    /**
     * A registration: a new code, or one revoked, waits for approval with the presented key (with the enrolment
     * code it was issued, where one is required); the same key again is answered with the district's state;
     * another key for a code that is pending, approved or suspended is refused, {@code DISTRICT_EXISTS}, and kept
     * as a candidate, with an event.
     */
    RegistrationStateDTO register(String code, String name, String version, PresentedKey key, Enrolment enrolment, Instant now) {
        Outcome out;
        try {
            out = Jdbc.tx(dataSource, c -> register(c, code, name, version, key, enrolment, now));
        } catch (IllegalStateException e) {
            if (!DbFailures.isUniqueViolation(e)) {
                throw e;
            }
            // two first registrations of one code at once: the other one's row is there now
            out = Jdbc.tx(dataSource, c -> register(c, code, name, version, key, enrolment, now));
        }
        if (out.refusal != null) {
            throw out.refusal;
        }
        return out.state;
    }

    private Outcome register(Connection c, String code, String name, String version, PresentedKey key, Enrolment enrolment, Instant now)
            throws SQLException {
        Row row = row(c, code);
        RegistrationStateDTO out = new RegistrationStateDTO();
        out.district = code;
        String claimed = name + (version == null ? "" : " " + version);
        if (row != null && row.state != DistrictState.REVOKED) {
            if (key.fingerprint.equals(row.fingerprint)) {
                out.state = row.state;
                return new Outcome(withKey(out, key), null);
            }
            candidate(c, code, name, version, key, now);
            Districts.event(c, code, "REGISTRATION_REFUSED", "key " + KeyFingerprints.grouped(key.fingerprint) + " (" + key.algorithm.name()
                    + ", " + claimed + "): code taken (" + row.state + (row.fingerprint == null ? ", shared key not rolled over" : "")
                    + "); kept as a candidate", now);
            return new Outcome(null, new Problem(ProblemKind.CONFLICT, "DISTRICT_EXISTS", "区县代码 " + code + " 已有注册（另一把密钥）：本次注册未被接受，"
                    + "密钥（指纹 " + KeyFingerprints.grouped(key.fingerprint) + "）已记为候选。若本区设备重装，请市级安全管理员核对指纹后替换密钥"));
        }
        if (enrolment.required() && !EnrolmentCodes.consume(c, code, enrolment.code(), now)) {
            Districts.event(c, code, "REGISTRATION_REFUSED", "key " + KeyFingerprints.grouped(key.fingerprint) + " (" + claimed + "): "
                    + (enrolment.code() == null || enrolment.code().isBlank() ? "no enrolment code" : "enrolment code wrong, used or expired"), now);
            return new Outcome(null, new Problem(ProblemKind.FORBIDDEN, "ENROLMENT_CODE_INVALID", "注册须附市级管理员为区县 " + code
                    + " 发放的一次性注册码（未填、不符、已用或已过期）"));
        }
        if (row == null) {
            Jdbc.update(c, "INSERT INTO HUB_DISTRICT (CODE, NAME, STATE, VERSION, REGISTERED_AT, KEY_ALGORITHM, PUBLIC_KEY, KEY_FINGERPRINT,"
                    + " KEY_SINCE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", code, name, DistrictState.PENDING.name(), version, now,
                    key.algorithm.name(), key.base64, key.fingerprint, now);
        } else {
            // registering again after a revocation starts the district's journal afresh: it ships all of it, and the
            // records the hub has already are written again unchanged
            Jdbc.update(c, "UPDATE HUB_DISTRICT SET NAME = ?, STATE = ?, VERSION = ?, REGISTERED_AT = ?, APPROVED_AT = NULL, ACKED_SEQ = 0,"
                    + " ACKED_DIGEST = NULL, REWOUND_AT = NULL, REWOUND_DETAIL = NULL, JOURNAL_LAST_SEQ = 0, LAG_MILLIS = NULL, KEY_ALGORITHM = ?, PUBLIC_KEY = ?, KEY_FINGERPRINT = ?, KEY_SINCE = ?,"
                    + " LEGACY_KEY = NULL, LEGACY_TOKEN_HASH = NULL WHERE CODE = ?", name, DistrictState.PENDING.name(), version, now,
                    key.algorithm.name(), key.base64, key.fingerprint, now, code);
            Jdbc.update(c, "DELETE FROM HUB_KEY_CANDIDATE WHERE DISTRICT = ?", code);
        }
        Districts.event(c, code, "REGISTERED", claimed + ", " + key.algorithm.name() + " key " + KeyFingerprints.grouped(key.fingerprint)
                + (enrolment.required() ? ", enrolment code used" : ""), now);
        out.state = DistrictState.PENDING;
        return new Outcome(withKey(out, key), null);
    }

    private static RegistrationStateDTO withKey(RegistrationStateDTO out, PresentedKey key) {
        out.algorithm = key.algorithm.name();
        out.fingerprint = KeyFingerprints.grouped(key.fingerprint);
        return out;
    }

    /** A refused registration's key, kept once per fingerprint; the oldest go beyond {@link #CANDIDATES_KEPT}. */
    private static void candidate(Connection c, String code, String name, String version, PresentedKey key, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE HUB_KEY_CANDIDATE SET NAME = ?, VERSION = ?, ARRIVED_AT = ? WHERE DISTRICT = ? AND KEY_FINGERPRINT = ?",
                name, version, now, code, key.fingerprint) == 0) {
            Jdbc.update(c, "INSERT INTO HUB_KEY_CANDIDATE (DISTRICT, KEY_FINGERPRINT, KEY_ALGORITHM, PUBLIC_KEY, NAME, VERSION, ARRIVED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", code, key.fingerprint, key.algorithm.name(), key.base64, name, version, now);
        }
        List<String> kept = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT KEY_FINGERPRINT FROM HUB_KEY_CANDIDATE WHERE DISTRICT = ?"
                + " ORDER BY ARRIVED_AT DESC, KEY_FINGERPRINT")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    kept.add(rs.getString(1));
                }
            }
        }
        for (String old : kept.subList(Math.min(kept.size(), CANDIDATES_KEPT), kept.size())) {
            Jdbc.update(c, "DELETE FROM HUB_KEY_CANDIDATE WHERE DISTRICT = ? AND KEY_FINGERPRINT = ?", code, old);
        }
    }

    /** What a district's requests are checked with, or null for an unknown code. */
    Credential credential(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return null;
        }
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT STATE, KEY_ALGORITHM, PUBLIC_KEY, KEY_FINGERPRINT FROM HUB_DISTRICT"
                    + " WHERE CODE = ?")) {
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    DistrictState state = DistrictState.valueOf(rs.getString(1));
                    SignatureAlgorithm algorithm = known(rs.getString(2));
                    String fingerprint = rs.getString(4);
                    PublicKey key = algorithm == null ? null : parse(algorithm, rs.getString(3), fingerprint);
                    return new Credential(code, state, algorithm, key, fingerprint);
                }
            }
        });
    }

    /** The candidate keys of a code (refused registrations), to tell a candidate asking after its registration. */
    List<Credential> candidates(String code) {
        return Jdbc.tx(dataSource, c -> {
            List<Credential> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT KEY_ALGORITHM, PUBLIC_KEY, KEY_FINGERPRINT FROM HUB_KEY_CANDIDATE"
                    + " WHERE DISTRICT = ?")) {
                s.setString(1, code);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        SignatureAlgorithm algorithm = known(rs.getString(1));
                        if (algorithm != null) {
                            out.add(new Credential(code, null, algorithm, parse(algorithm, rs.getString(2), rs.getString(3)), rs.getString(3)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Every code's candidates, newest first, for the list of districts (in its transaction). */
    static Map<String, List<KeyCandidateDTO>> candidates(Connection c) throws SQLException {
        Map<String, List<KeyCandidateDTO>> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTRICT, KEY_FINGERPRINT, KEY_ALGORITHM, NAME, VERSION, ARRIVED_AT"
                + " FROM HUB_KEY_CANDIDATE ORDER BY DISTRICT, ARRIVED_AT DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                KeyCandidateDTO k = new KeyCandidateDTO();
                k.fingerprint = KeyFingerprints.grouped(rs.getString(2));
                k.algorithm = rs.getString(3);
                k.name = rs.getString(4);
                k.version = rs.getString(5);
                k.arrivedAt = Jdbc.instant(rs.getTimestamp(6));
                out.computeIfAbsent(rs.getString(1), d -> new ArrayList<>()).add(k);
            }
        }
        return out;
    }

    /** Checks a rollover's proof against the district's shared key or token hash, which the hub holds until then. */
    interface LegacyProof {
        boolean holds(String legacyKey, String legacyTokenHash);
    }

    /**
     * The one key rollover of a district federated before public keys: with the proof of its old shared key
     * (or token) the presented key becomes its key, and the shared secret is deleted. The same key again is
     * answered as done (a lost answer); any other attempt is refused.
     */
    RegistrationStateDTO rollover(String code, PresentedKey key, LegacyProof proof, Instant now) {
        return Jdbc.tx(dataSource, c -> {
            Row row = row(c, code);
            if (row == null) {
                throw new Problem(ProblemKind.UNAUTHORIZED, "BAD_SIGNATURE", "签名无效，或区县未注册");
            }
            if (row.state == DistrictState.REVOKED) {
                throw new Problem(ProblemKind.FORBIDDEN, "DISTRICT_REVOKED", "区县 " + code + " 的联网资格已吊销");
            }
            RegistrationStateDTO out = new RegistrationStateDTO();
            out.district = code;
            out.state = row.state;
            if (key.fingerprint.equals(row.fingerprint)) {
                return withKey(out, key);
            }
            if (row.fingerprint != null) {
                throw new Problem(ProblemKind.CONFLICT, "KEY_EXISTS", "区县 " + code + " 已登记公钥，不能再换钥；设备重装须由市级安全管理员替换密钥");
            }
            if (!proof.holds(row.legacyKey, row.legacyTokenHash)) {
                throw new Problem(ProblemKind.UNAUTHORIZED, "BAD_SIGNATURE", "旧密钥签名（或注册凭据）不符");
            }
            Jdbc.update(c, "UPDATE HUB_DISTRICT SET KEY_ALGORITHM = ?, PUBLIC_KEY = ?, KEY_FINGERPRINT = ?, KEY_SINCE = ?, LEGACY_KEY = NULL,"
                    + " LEGACY_TOKEN_HASH = NULL WHERE CODE = ?", key.algorithm.name(), key.base64, key.fingerprint, now, code);
            Districts.event(c, code, "KEY_ROLLED_OVER", "shared " + (row.legacyKey != null ? "key" : "token") + " deleted; "
                    + key.algorithm.name() + " key " + KeyFingerprints.grouped(key.fingerprint), now);
            return withKey(out, key);
        });
    }

    /**
     * A security administrator makes a candidate the district's key (its appliance was reinstalled). The
     * new appliance's journal starts again, as after registering anew: the hub's acknowledgement goes back
     * to 0 and the district ships its whole journal; the records the hub has are written again unchanged.
     */
    void replace(String code, String typedFingerprint, String actor, Instant now) {
        String fingerprint = KeyFingerprints.normalize(typedFingerprint);
        if (fingerprint == null) {
            throw Problem.badRequest("INVALID_FINGERPRINT", "指纹须为 64 位十六进制（SHA-256），可带空格");
        }
        Jdbc.tx(dataSource, c -> {
            Row row = row(c, code);
            if (row == null) {
                throw Problem.notFound("DISTRICT_NOT_FOUND", "没有区县 " + code + " 的注册");
            }
            if (row.state == DistrictState.REVOKED) {
                throw new Problem(ProblemKind.CONFLICT, "DISTRICT_STATE", "区县 " + code + " 已吊销：由区县重新注册即可，无须替换密钥");
            }
            String algorithm;
            String publicKey;
            try (PreparedStatement s = c.prepareStatement("SELECT KEY_ALGORITHM, PUBLIC_KEY FROM HUB_KEY_CANDIDATE WHERE DISTRICT = ?"
                    + " AND KEY_FINGERPRINT = ?")) {
                Jdbc.bind(s, code, fingerprint);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw Problem.notFound("CANDIDATE_NOT_FOUND", "区县 " + code + " 没有指纹为 " + KeyFingerprints.grouped(fingerprint)
                                + " 的候选密钥：须由区县设备先行注册");
                    }
                    algorithm = rs.getString(1);
                    publicKey = rs.getString(2);
                }
            }
            Jdbc.update(c, "UPDATE HUB_DISTRICT SET KEY_ALGORITHM = ?, PUBLIC_KEY = ?, KEY_FINGERPRINT = ?, KEY_SINCE = ?, LEGACY_KEY = NULL,"
                    + " LEGACY_TOKEN_HASH = NULL, ACKED_SEQ = 0, ACKED_DIGEST = NULL, REWOUND_AT = NULL,"
                    + " REWOUND_DETAIL = NULL, JOURNAL_LAST_SEQ = 0, LAG_MILLIS = NULL WHERE CODE = ?",
                    algorithm, publicKey, fingerprint, now, code);
            Jdbc.update(c, "DELETE FROM HUB_KEY_CANDIDATE WHERE DISTRICT = ?", code);
            Districts.event(c, code, "KEY_REPLACED", "by " + actor + ": " + (row.fingerprint == null ? "shared key"
                    : KeyFingerprints.grouped(row.fingerprint)) + " -> " + KeyFingerprints.grouped(fingerprint) + " (" + algorithm
                    + "); journal starts again (was acknowledged to #" + row.acked + "); state stays " + row.state, now);
            return null;
        });
    }

    private static Row row(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT STATE, KEY_FINGERPRINT, LEGACY_KEY, LEGACY_TOKEN_HASH, ACKED_SEQ"
                + " FROM HUB_DISTRICT WHERE CODE = ? FOR UPDATE")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Row(DistrictState.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)) : null;
            }
        }
    }

    /** The scheme of a stored key, or null when it is none (a district on its shared key) or no longer known here. */
    private static SignatureAlgorithm known(String name) {
        if (name == null) {
            return null;
        }
        try {
            return SignatureAlgorithms.named(name);
        } catch (Problem unknown) {
            return null;
        }
    }

    private PublicKey parse(SignatureAlgorithm algorithm, String base64, String fingerprint) {
        return parsed.computeIfAbsent(fingerprint, f -> algorithm.publicKey(Base64.getDecoder().decode(base64)));
    }
}
