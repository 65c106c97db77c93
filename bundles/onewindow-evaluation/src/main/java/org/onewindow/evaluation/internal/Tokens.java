package org.onewindow.evaluation.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.onewindow.security.Hmac;

/**
 * The bearer tokens of 好差评 (a pad's, a text's one-time link): random, URL-safe, and stored only as their SHA-256, so
 * that a copy of the database (a backup, the hub's journal) lets nobody rate as a pad or spend a link.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new token of {@code bytes} random bytes. */
    public static String next(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** What is stored of {@code token}. */
    public static String hash(String token) {
        return Hmac.sha256(Hmac.utf8(token));
    }

    /** A random number below {@code bound} from the same source (a pad's pairing code). */
    public static int number(int bound) {
        return RANDOM.nextInt(bound);
    }
}
