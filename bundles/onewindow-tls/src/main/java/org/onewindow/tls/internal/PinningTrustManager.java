package org.onewindow.tls.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.onewindow.tls.CertificateFingerprints;
import org.onewindow.tls.TlsFailures;

/**
 * Trusts one server certificate, named by its SHA-256 fingerprint (pinned, as SSH's known hosts), and nothing
 * else: no CA, no host name. The pin names the peer; a certificate the peer swapped fails the handshake.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final String pinned;

    PinningTrustManager(String pinnedSha256) {
        this.pinned = CertificateFingerprints.normalize(pinnedSha256);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException(TlsFailures.UNTRUSTED + ": the peer presented no certificate");
        }
        String presented = CertificateFingerprints.of(chain[0]);
        if (!presented.equals(pinned)) {
            throw new CertificateException(TlsFailures.UNTRUSTED + ": the peer's certificate (SHA-256 " + presented
                    + ") is not the one pinned (" + pinned + ")");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client link trusts no client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client link trusts no client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client link trusts no client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
