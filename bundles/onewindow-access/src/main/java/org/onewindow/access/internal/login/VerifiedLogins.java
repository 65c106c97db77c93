package org.onewindow.access.internal.login;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.onewindow.access.LoginOutcome;

/**
 * HTTP Basic logins verified lately, so that a script's every request does not cost a slow hash (the
 * way Elasticsearch's realms cache credentials). Entries are keyed by an HMAC of name, password and
 * second-factor code under a key that lives only in this process: nothing here would let anyone
 * recover a password. An entry lasts {@code ttl}; one with a second-factor code no longer than the
 * code itself. Any change to an account forgets its entries.
 */
public final class VerifiedLogins {
    private static final int MAX_ENTRIES = 10_000;
    private final byte[] key = new byte[32];
    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String user, LoginOutcome.Granted granted, Instant until) {
    }

    public VerifiedLogins(Duration ttl) {
        this.ttl = ttl;
        new SecureRandom().nextBytes(key);
    }

    /** The login verified lately with exactly these credentials, or {@code null}. */
    public LoginOutcome.Granted find(String user, char[] password, String code, Instant now) {
        Entry e = entries.get(digest(user, password, code));
        if (e == null || e.until.isBefore(now)) {
            return null;
        }
        return e.granted;
    }

    /** Remembers a verified login; {@code codeValidUntil} bounds it when a second-factor code came with it. */
    public void remember(String user, char[] password, String code, LoginOutcome.Granted granted, Instant now, Instant codeValidUntil) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.until.isBefore(now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        Instant until = now.plus(ttl);
        if (codeValidUntil != null && codeValidUntil.isBefore(until)) {
            until = codeValidUntil;
        }
        entries.put(digest(user, password, code), new Entry(user.toLowerCase(Locale.ROOT), granted, until));
    }

    /** Forgets every login of {@code user}: their password, roles or second factor changed. */
    public void forget(String user) {
        String u = user.toLowerCase(Locale.ROOT);
        entries.values().removeIf(e -> e.user.equals(u));
    }

    private String digest(String user, char[] password, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(pw);
            pw.clear();
            while (pw.hasRemaining()) {
                pw.put((byte) 0);
            }
            mac.update((byte) 0);
            if (code != null) {
                mac.update(code.getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
