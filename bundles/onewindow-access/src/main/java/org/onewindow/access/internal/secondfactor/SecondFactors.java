package org.onewindow.access.internal.secondfactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.bouncycastle.util.encoders.Base32;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/**
 * Each account's second factor ({@code ACCESS_TOTP}, {@code ACCESS_RECOVERY_CODE}): a TOTP secret
 * enrolled by scanning its QR code and confirmed by a first code, and ten one-time recovery codes. A
 * code is used once: a login remembers its step, and a later login with the same or an earlier step
 * is refused (HTTP Basic may repeat the step it last used, as a script sends one code with a burst of
 * requests).
 */
public final class SecondFactors {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DataSource dataSource;

    /** An account's second factor as it stands. */
    public record State(boolean enrolled, boolean pending, int recoveryCodesLeft) {
    }

    /** A secret to scan, before its first code confirms it. */
    public record Enrolment(String secret, String uri) {
    }

    /** What a code proved: nothing, a TOTP code (valid until then), or a recovery code, now used up. */
    public record Verification(boolean ok, boolean recovery, Instant validUntil) {
        static final Verification FAILED = new Verification(false, false, null);
    }

    public SecondFactors(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public State state(String user) {
        return Jdbc.tx(dataSource, c -> {
            boolean enrolled = false;
            boolean pending = false;
            try (PreparedStatement s = c.prepareStatement("SELECT CONFIRMED_AT FROM ACCESS_TOTP WHERE USER_NAME = ?")) {
                s.setString(1, user);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        enrolled = rs.getTimestamp(1) != null;
                        pending = !enrolled;
                    }
                }
            }
            return new State(enrolled, pending, enrolled ? unused(c, user) : 0);
        });
    }

    /** A new secret for {@code user}, replacing one not yet confirmed; refused once one is confirmed. */
    public Enrolment start(String user, String issuer, Instant now) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        String base32 = Base32.toBase32String(secret);
        Jdbc.tx(dataSource, c -> {
            if (Jdbc.update(c, "UPDATE ACCESS_TOTP SET SECRET = ?, CREATED_AT = ?, LAST_STEP = 0 WHERE USER_NAME = ? AND CONFIRMED_AT IS NULL",
                    base32, now, user) == 0) {
                try {
                    Jdbc.update(c, "INSERT INTO ACCESS_TOTP (USER_NAME, SECRET, CREATED_AT, LAST_STEP) VALUES (?, ?, ?, 0)", user, base32, now);
                } catch (SQLException e) {
                    throw enrolled();
                }
            }
            return null;
        });
        return new Enrolment(base32, uri(issuer, user, base32));
    }

    /** The {@code otpauth://} URI of the enrolment waiting for its first code. */
    public String pendingUri(String user, String issuer) {
        String secret = Jdbc.tx(dataSource, c -> secret(c, user, false));
        if (secret == null) {
            throw Problem.notFound("NO_ENROLMENT", "没有待确认的双因素绑定：请先开始绑定");
        }
        return uri(issuer, user, secret);
    }

    /** Confirms the waiting enrolment by a first code; answers the recovery codes, shown this once. */
    public List<String> confirm(String user, String code, Instant now) {
        return Jdbc.tx(dataSource, c -> {
            String secret = secret(c, user, false);
            if (secret == null) {
                throw Problem.notFound("NO_ENROLMENT", "没有待确认的双因素绑定：请先开始绑定");
            }
            OptionalLong step = Totp.match(Base32.decode(secret), code, now);
            if (step.isEmpty()) {
                throw Problem.badRequest("SECOND_FACTOR_INVALID", "动态码不正确：请核对手机时间，并输入身份验证器上当前的 6 位数字");
            }
            Jdbc.update(c, "UPDATE ACCESS_TOTP SET CONFIRMED_AT = ?, LAST_STEP = ? WHERE USER_NAME = ?", now, step.getAsLong(), user);
            return newRecoveryCodes(c, user, now);
        });
    }

    /** Checks a login's code: a TOTP code of a step not used before, or an unused recovery code (then used up). */
    public Verification verify(String user, String code, boolean strict, Instant now) {
        if (code == null) {
            return Verification.FAILED;
        }
        return Jdbc.tx(dataSource, c -> {
            String secret = secret(c, user, true);
            if (secret == null) {
                return Verification.FAILED;
            }
            if (RecoveryCodes.looksLikeOne(code)) {
                boolean used = Jdbc.update(c, "UPDATE ACCESS_RECOVERY_CODE SET USED_AT = ? WHERE USER_NAME = ? AND CODE_HASH = ? AND USED_AT IS NULL",
                        now, user, RecoveryCodes.hash(code)) == 1;
                return used ? new Verification(true, true, null) : Verification.FAILED;
            }
            OptionalLong step = Totp.match(Base32.decode(secret), code.strip(), now);
            if (step.isEmpty()) {
                return Verification.FAILED;
            }
            // the conditional update is the replay check: two logins racing with one code cannot both pass a strict check
            int moved = Jdbc.update(c, "UPDATE ACCESS_TOTP SET LAST_STEP = ? WHERE USER_NAME = ? AND LAST_STEP " + (strict ? "<" : "<=") + " ?",
                    step.getAsLong(), user, step.getAsLong());
            return moved == 1 ? new Verification(true, false, Totp.validUntil(step.getAsLong())) : Verification.FAILED;
        });
    }

    /** Ten new recovery codes, the old ones void; the account must have a confirmed second factor. */
    public List<String> renewRecoveryCodes(String user, Instant now) {
        return Jdbc.tx(dataSource, c -> {
            if (secret(c, user, true) == null) {
                throw new Problem(ProblemKind.CONFLICT, "NO_SECOND_FACTOR", "该账户尚未启用双因素认证");
            }
            return newRecoveryCodes(c, user, now);
        });
    }

    /** Removes the account's second factor (a lost phone: the security administrator's act, logged by the caller). */
    public boolean reset(String user) {
        return Jdbc.tx(dataSource, c -> {
            Jdbc.update(c, "DELETE FROM ACCESS_RECOVERY_CODE WHERE USER_NAME = ?", user);
            return Jdbc.update(c, "DELETE FROM ACCESS_TOTP WHERE USER_NAME = ?", user) == 1;
        });
    }

    static String uri(String issuer, String user, String secret) {
        String label = enc(issuer) + ":" + enc(user);
        return "otpauth://totp/" + label + "?secret=" + secret.replace("=", "") + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> newRecoveryCodes(Connection c, String user, Instant now) throws SQLException {
        Jdbc.update(c, "DELETE FROM ACCESS_RECOVERY_CODE WHERE USER_NAME = ?", user);
        List<String> codes = RecoveryCodes.generate();
        for (String code : codes) {
            Jdbc.update(c, "INSERT INTO ACCESS_RECOVERY_CODE (USER_NAME, CODE_HASH, CREATED_AT) VALUES (?, ?, ?)", user, RecoveryCodes.hash(code), now);
        }
        return codes;
    }

    private static int unused(Connection c, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM ACCESS_RECOVERY_CODE WHERE USER_NAME = ? AND USED_AT IS NULL")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The account's secret, confirmed or waiting for its first code. */
    private static String secret(Connection c, String user, boolean confirmed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT SECRET FROM ACCESS_TOTP WHERE USER_NAME = ? AND CONFIRMED_AT IS "
                + (confirmed ? "NOT NULL" : "NULL"))) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Problem enrolled() {
        return new Problem(ProblemKind.CONFLICT, "SECOND_FACTOR_ENROLLED", "该账户已启用双因素认证；换手机须由安全管理员重置后重新绑定");
    }
}
