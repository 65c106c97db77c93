package org.onewindow.tls;

/**
 * What a peer presented in a TLS handshake, for a person to compare and confirm (trust on first use).
 *
 * @param fingerprint SHA-256 of the peer's certificate, {@code AB:CD:…}
 * @param subject the certificate's subject
 * @param issuer who signed it (the subject again for a self-signed certificate)
 * @param notAfter until when it is valid (ISO-8601)
 * @param trustedByTrustStore whether the configured trust store (the city CA) vouches for it, host name included
 */
public record PeerCertificate(String fingerprint, String subject, String issuer, String notAfter, boolean trustedByTrustStore) {
}
