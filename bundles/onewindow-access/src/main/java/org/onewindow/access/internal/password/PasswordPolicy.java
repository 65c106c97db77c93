package org.onewindow.access.internal.password;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.onewindow.problem.Problem;

/**
 * The rules for staff passwords (GB/T 22239-2019 8.1.4.1: 口令具有复杂度要求并定期更换): a least
 * length, characters of several classes (upper case, lower case, digits, others), not the user's name,
 * not one of the last passwords, and a greatest age ({@code maxAge} zero: no expiry).
 */
public record PasswordPolicy(int minLength, int minClasses, int history, Duration maxAge) {
    /** bcrypt reads no further than 72 bytes: a longer password would be checked by its start only. */
    static final int MAX_BYTES = 72;

    /** Refuses ({@code 400 WEAK_PASSWORD}) a password that breaks the rules. */
    public void check(String user, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw weak("密码至少 " + minLength + " 位");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw weak("密码最长 " + MAX_BYTES + " 字节（约 72 个英文字符或 24 个汉字）");
        }
        if (password.chars().anyMatch(Character::isISOControl) || !password.equals(password.strip())) {
            throw weak("密码不能含控制字符，也不能以空格开头或结尾");
        }
        if (password.contains("{CRYPT}")) {
            throw weak("密码不能含 {CRYPT}");
        }
        if (classes(password) < minClasses) {
            throw weak("密码须含大写字母、小写字母、数字、其他符号中的至少 " + minClasses + " 类");
        }
        if (user != null && user.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(user.toLowerCase(Locale.ROOT))) {
            throw weak("密码不能包含用户名");
        }
    }

    /** Whether a password set at {@code setAt} is too old at {@code now}. */
    public boolean expired(Instant setAt, Instant now) {
        return !maxAge.isZero() && setAt != null && setAt.plus(maxAge).isBefore(now);
    }

    /** When a password set at {@code setAt} expires, or {@code null} when passwords do not. */
    public Instant expiresAt(Instant setAt) {
        return maxAge.isZero() || setAt == null ? null : setAt.plus(maxAge);
    }

    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int cp : password.codePoints().toArray()) {
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    static Problem weak(String message) {
        return Problem.badRequest("WEAK_PASSWORD", message);
    }
}
