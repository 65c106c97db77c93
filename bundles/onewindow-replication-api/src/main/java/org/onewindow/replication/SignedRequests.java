package org.onewindow.replication;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import org.onewindow.security.Hmac;

/**
 * A district's requests to the hub are signed with its own private key (which never leaves the district)
 * over the district code, the timestamp (epoch seconds), a nonce used once, and the SHA-256 of the body,
 * each ended by a line feed; the signature travels base64-encoded. The hub checks it with the public key
 * the district registered, and refuses a wrong signature, a timestamp off by more than its allowed skew,
 * and a nonce it has seen (a replay). The hub holds no secret of the district.
 */
public final class SignedRequests {
    public static final String DISTRICT = "X-OneWindow-District";
    public static final String TIMESTAMP = "X-OneWindow-Timestamp";
    public static final String NONCE = "X-OneWindow-Nonce";
    public static final String SIGNATURE = "X-OneWindow-Signature";
    /**
     * Only on the one key rollover of a district federated before public keys: the HMAC-SHA256 of the same
     * text with the shared key the hub once gave it (lower-case hex), proving the new key is the district's.
     */
    public static final String LEGACY_SIGNATURE = "X-OneWindow-Legacy-Signature";
    /** Only on the key rollover of a district registered before public keys and not yet approved: its registration token. */
    public static final String TOKEN = "X-OneWindow-Token";

    private SignedRequests() {
    }

    /** The text a request's signature covers. */
    public static byte[] signedText(String district, long epochSeconds, String nonce, byte[] body) {
        return Hmac.utf8(district + "\n" + epochSeconds + "\n" + nonce + "\n" + Hmac.sha256(body) + "\n");
    }

    /** The signature, base64. */
    public static String sign(SignatureAlgorithm algorithm, PrivateKey key, String district, long epochSeconds, String nonce, byte[] body) {
        return Base64.getEncoder().encodeToString(algorithm.sign(key, signedText(district, epochSeconds, nonce, body)));
    }

    /** Whether the signature is right; the timestamp and nonce are the hub's to judge. */
    public static boolean verify(SignatureAlgorithm algorithm, PublicKey key, String district, long epochSeconds, String nonce, byte[] body,
            String signature) {
        byte[] given;
        try {
            given = signature == null ? null : Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return given != null && given.length > 0 && algorithm.verify(key, signedText(district, epochSeconds, nonce, body), given);
    }

    /** The legacy HMAC-SHA256 signature with a shared key: only for the key rollover (lower-case hex). */
    public static String legacySign(byte[] sharedKey, String district, long epochSeconds, String nonce, byte[] body) {
        return Hmac.sign(sharedKey, signedText(district, epochSeconds, nonce, body));
    }

    public static boolean legacyVerify(byte[] sharedKey, String district, long epochSeconds, String nonce, byte[] body, String signature) {
        return Hmac.matches(legacySign(sharedKey, district, epochSeconds, nonce, body), signature);
    }
}
