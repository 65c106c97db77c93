package org.onewindow.replication;

import java.util.Locale;
import java.util.regex.Pattern;

import org.onewindow.security.Hmac;

/**
 * A public key's fingerprint: the SHA-256 of its X.509 encoding, as 64 upper-case hex digits in groups of
 * four ({@code 3F2A 9C01 …}), which district IT reads out on its appliance and the city administrator
 * compares with what the hub shows before approving. Typed back, spaces, colons, dashes and case do not matter.
 */
public final class KeyFingerprints {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:\\-]");
    private static final Pattern HEX64 = Pattern.compile("[0-9A-F]{64}");

    private KeyFingerprints() {
    }

    /** The fingerprint of an encoded public key, as 64 upper-case hex digits. */
    public static String of(byte[] x509) {
        return Hmac.sha256(x509).toUpperCase(Locale.ROOT);
    }

    /** 64 hex digits in 16 groups of 4, for people. */
    public static String grouped(String hex) {
        if (hex == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(80);
        for (int i = 0; i < hex.length(); i += 4) {
            out.append(i == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 4));
        }
        return out.toString();
    }

    /** What someone typed as 64 upper-case hex digits, or null if it is not a whole SHA-256 fingerprint. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String hex = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
        return HEX64.matcher(hex).matches() ? hex : null;
    }

    /** Whether a typed fingerprint is the one of {@code hex} (64 hex digits as {@link #of} makes them). */
    public static boolean same(String typed, String hex) {
        String given = normalize(typed);
        return given != null && given.equals(hex);
    }
}
