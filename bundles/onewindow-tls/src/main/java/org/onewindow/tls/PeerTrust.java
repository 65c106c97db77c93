package org.onewindow.tls;

/**
 * How an outgoing link verifies the other end: by the configured trust store (the city CA; host name checked), or
 * by the SHA-256 fingerprint of the peer's own certificate (pinned, as SSH's known hosts: nothing else is
 * trusted, whatever CA signed it). {@code clientCertificate}: present this appliance's certificate (mutual TLS).
 *
 * @param pinnedSha256 the peer certificate's fingerprint as {@link CertificateFingerprints#of} writes it, or null
 * @param clientCertificate whether to present this appliance's own certificate when the peer asks for one
 */
public record PeerTrust(String pinnedSha256, boolean clientCertificate) {

    /** Trusted by the configured trust store. */
    public static PeerTrust trustStore(boolean clientCertificate) {
        return new PeerTrust(null, clientCertificate);
    }

    /** Trusted by its pinned fingerprint only; a blank pin means the trust store. */
    public static PeerTrust pinned(String sha256, boolean clientCertificate) {
        return new PeerTrust(sha256 == null || sha256.isBlank() ? null : CertificateFingerprints.normalize(sha256), clientCertificate);
    }

    public boolean isPinned() {
        return pinnedSha256 != null;
    }
}
