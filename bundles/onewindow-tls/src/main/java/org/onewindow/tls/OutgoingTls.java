package org.onewindow.tls;

import java.io.IOException;
import java.net.URI;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * TLS for this appliance's calls to other systems (the city hub, departments' approval systems, the payment
 * gateway, the real-name service): every one verifies the other end, by the city CA's trust store configured once
 * ({@code etc/org.onewindow.tls.cfg}, {@code trustStore}) or by the peer certificate's pinned fingerprint, and a
 * certificate that fails is a failure ({@link TlsFailures#UNTRUSTED}), never a fall-back to less.
 */
@ProviderType
public interface OutgoingTls {

    /** An SSL context for a link trusted as {@code trust} says (TLS 1.2 and 1.3 only). */
    SSLContext context(PeerTrust trust);

    /**
     * The host name check for {@code trust}: the usual one against the trust store; none for a pinned certificate,
     * whose fingerprint names the one peer trusted whatever host name it carries.
     */
    HostnameVerifier hostnames(PeerTrust trust);

    /**
     * What the peer at {@code url} presents, read in a handshake that trusts nothing and sends nothing: for a person
     * to compare before pinning it.
     */
    PeerCertificate peerCertificate(URI url) throws IOException;

    /**
     * Checks the scheme of an outgoing link's URL: {@code https} always passes; {@code http} only where
     * {@code allowHttp} (the link configured as insecure, for a test) or in demo mode, and then with a loud warning in
     * the log.
     *
     * @throws IllegalArgumentException with {@link TlsFailures#INSECURE_URL} if the URL is {@code http} and not allowed
     */
    void checkScheme(String link, URI url, boolean allowHttp);
}
