package org.onewindow.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the relay protocol, both ways: lowercase hex of
 * {@code HMAC-SHA256(secret, UTF-8(timestamp) + '.' + rawBody)}, sent as {@value #SIGNATURE} beside
 * {@value #TIMESTAMP} (unix epoch seconds). Also the SHA-256 of delivered files.
 */
public final class Signatures {
    public static final String TIMESTAMP = "X-OneWindow-Timestamp";
    public static final String SIGNATURE = "X-OneWindow-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** How far a timestamp may be from now, either way. */
    public static final long MAX_SKEW_SECONDS = 300;

    private Signatures() {
    }

    /** The signature of {@code body} sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        return sign(secret, Long.toString(epochSeconds), body);
    }

    private static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Whether {@code signature} is the signature of {@code body} at {@code timestamp} and the timestamp
     * is within {@code skewSeconds} of {@code nowSeconds}.
     */
    public static boolean verify(String secret, String timestamp, String signature, byte[] body, long nowSeconds, long skewSeconds) {
        if (timestamp == null || signature == null) {
            return false;
        }
        String ts = timestamp.strip();
        long at;
        try {
            at = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - at) > skewSeconds) {
            return false;
        }
        // the timestamp as sent is what was signed
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
