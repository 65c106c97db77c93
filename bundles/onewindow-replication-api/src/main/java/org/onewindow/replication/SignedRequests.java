package org.onewindow.replication;

import org.onewindow.security.Hmac;

/**
 * A district's requests to the hub are signed with its own key: HMAC-SHA256 over the district code,
 * the timestamp (epoch seconds), a nonce used once, and the SHA-256 of the body, each ended by a line
 * feed. The hub refuses a wrong signature, a timestamp off by more than its allowed skew, and a nonce
 * it has seen (a replay).
 */
public final class SignedRequests {
    public static final String DISTRICT = "X-OneWindow-District";
    public static final String TIMESTAMP = "X-OneWindow-Timestamp";
    public static final String NONCE = "X-OneWindow-Nonce";
    public static final String SIGNATURE = "X-OneWindow-Signature";
    /** The registration token a district proves itself with until it has its key. */
    public static final String TOKEN = "X-OneWindow-Token";

    private SignedRequests() {
    }

    public static String sign(byte[] key, String district, long epochSeconds, String nonce, byte[] body) {
        return Hmac.sign(key, Hmac.utf8(district + "\n" + epochSeconds + "\n" + nonce + "\n" + Hmac.sha256(body) + "\n"));
    }

    /** Whether the signature is right; the timestamp and nonce are the hub's to judge. */
    public static boolean verify(byte[] key, String district, long epochSeconds, String nonce, byte[] body, String signature) {
        return Hmac.matches(sign(key, district, epochSeconds, nonce, body), signature);
    }
}
