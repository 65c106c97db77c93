package org.onewindow.replication;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A district's own key pair as it signs with it: the private key stays on the district's appliance; the
 * public key (X.509 encoding) is what the hub registers and checks every request with.
 */
public record SigningKey(String district, SignatureAlgorithm algorithm, PrivateKey privateKey, byte[] publicKey) {

    /** The headers of a request of {@code body} (empty for a GET) signed now, with a fresh nonce. */
    public Map<String, String> headers(byte[] body, Instant now) {
        return headers(body, now, UUID.randomUUID().toString());
    }

    public Map<String, String> headers(byte[] body, Instant now, String nonce) {
        long at = now.getEpochSecond();
        return Map.of(SignedRequests.DISTRICT, district, SignedRequests.TIMESTAMP, Long.toString(at), SignedRequests.NONCE, nonce,
                SignedRequests.SIGNATURE, SignedRequests.sign(algorithm, privateKey, district, at, nonce, body));
    }

    /** The public key as the hub is told it: base64 of its X.509 encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    /** The public key's fingerprint in groups of four, as district IT reads it out. */
    public String fingerprint() {
        return KeyFingerprints.grouped(KeyFingerprints.of(publicKey));
    }
}
