package org.onewindow.relay.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the relay protocol, both ways: over the timestamp (epoch seconds), a
 * dot and the raw body, sent as {@code X-OneWindow-Timestamp} and {@code X-OneWindow-Signature}.
 */
final class Signatures {
    static final String TIMESTAMP = "X-OneWindow-Timestamp";
    static final String SIGNATURE = "X-OneWindow-Signature";

    private Signatures() {
    }

    static String sign(byte[] secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(Long.toString(epochSeconds).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Whether a signature is right and its timestamp within {@code skewSeconds} of {@code nowSeconds}:
     * an old signed message replayed later is refused.
     */
    static boolean verify(byte[] secret, String timestamp, String signature, byte[] body, long nowSeconds, long skewSeconds) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - at) > skewSeconds) {
            return false;
        }
        byte[] expected = sign(secret, at, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
