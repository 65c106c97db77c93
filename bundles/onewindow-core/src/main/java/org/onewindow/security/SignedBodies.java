package org.onewindow.security;

/**
 * HMAC-SHA256 signatures of a message body with a shared secret, both ways: over the timestamp
 * (epoch seconds), a dot and the raw body, sent as {@code X-OneWindow-Timestamp} and
 * {@code X-OneWindow-Signature}. The relay's deliveries and department callbacks use them, and the
 * payment gateway's notifications and answers.
 */
public final class SignedBodies {
    public static final String TIMESTAMP = "X-OneWindow-Timestamp";
    public static final String SIGNATURE = "X-OneWindow-Signature";

    private SignedBodies() {
    }

    public static String sign(byte[] secret, long epochSeconds, byte[] body) {
        return Hmac.sign(secret, Hmac.utf8(epochSeconds + "."), body);
    }

    /**
     * Whether a signature is right and its timestamp within {@code skewSeconds} of {@code nowSeconds}:
     * an old signed message replayed later is refused.
     */
    public static boolean verify(byte[] secret, String timestamp, String signature, byte[] body, long nowSeconds, long skewSeconds) {
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
        return Hmac.matches(sign(secret, at, body), signature);
    }
}
