package org.onewindow.hub.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.security.Hmac;

/**
 * One-time enrolment codes ({@code HUB_ENROLMENT_CODE}): a city administrator issues one per district code and
 * hands it to district IT out of band; where {@code requireEnrolmentCode} is set, a first registration of the
 * code (or one after a revocation) must carry it, and uses it up. Kept only as SHA-256, with an expiry.
 */
final class EnrolmentCodes {
    /** Crockford's base32: no I, L, O, U, so a code read out is not misheard. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DataSource dataSource;

    EnrolmentCodes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An issued code, shown once. */
    record Issued(String district, String code, Instant expiresAt) {
    }

    /** A new code for {@code district} (any earlier one is void), valid for {@code validity}; logged without the code. */
    Issued issue(String district, String actor, Duration validity, Instant now) {
        StringBuilder code = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            code.append(i > 0 && i % 4 == 0 ? "-" : "").append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        Instant expires = now.plus(validity);
        Jdbc.tx(dataSource, c -> {
            Jdbc.update(c, "DELETE FROM HUB_ENROLMENT_CODE WHERE DISTRICT = ?", district);
            Jdbc.update(c, "INSERT INTO HUB_ENROLMENT_CODE (DISTRICT, CODE_HASH, ISSUED_BY, ISSUED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?, ?)",
                    district, hash(code.toString()), Districts.limit(actor, 100), now, expires);
            Districts.event(c, district, "ENROLMENT_CODE_ISSUED", "by " + actor + ", valid until " + expires, now);
            return null;
        });
        return new Issued(district, code.toString(), expires);
    }

    /**
     * Whether {@code presented} is the district's unexpired code, in the registration's transaction; a code that
     * matches is used up, so a second registration cannot use it again.
     */
    static boolean consume(Connection c, String district, String presented, Instant now) throws SQLException {
        if (presented == null || presented.isBlank() || presented.length() > 64) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT CODE_HASH, EXPIRES_AT FROM HUB_ENROLMENT_CODE WHERE DISTRICT = ? FOR UPDATE")) {
            s.setString(1, district);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !Hmac.matches(rs.getString(1), hash(presented))) {
                    return false;
                }
                Timestamp expires = rs.getTimestamp(2);
                if (expires.toInstant().isBefore(now)) {
                    return false;
                }
            }
        }
        Jdbc.update(c, "DELETE FROM HUB_ENROLMENT_CODE WHERE DISTRICT = ?", district);
        return true;
    }

    /** The SHA-256 of a code as typed: dashes, spaces and case do not matter. */
    private static String hash(String code) {
        return Hmac.sha256(Hmac.utf8(code.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT)));
    }
}
