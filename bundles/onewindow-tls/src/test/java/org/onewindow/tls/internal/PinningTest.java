package org.onewindow.tls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.tls.CertificateFingerprints;
import org.onewindow.tls.TlsFailures;

/** Real handshakes on the loopback: a pinned certificate is trusted, any other refused; the appliance's certificate as client certificate. */
public class PinningTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void thePinnedCertificateIsTrustedAndASwappedOneRefusedWithTlsUntrusted() throws Exception {
        ApplianceKeystore server = keystore("server");
        ApplianceKeystore swapped = keystore("swapped");
        String pin = CertificateFingerprints.of(server.certificate());
        assertEquals("hello", exchange(server, false, new PinningTrustManager(pin), null));
        try {
            exchange(swapped, false, new PinningTrustManager(pin), null);
            fail("a certificate other than the pinned one is refused");
        } catch (IOException e) {
            assertTrue(TlsFailures.isTls(e));
            assertTrue(TlsFailures.describe(e), TlsFailures.describe(e).contains(TlsFailures.UNTRUSTED));
            assertTrue(TlsFailures.describe(e), TlsFailures.describe(e).contains(CertificateFingerprints.of(swapped.certificate())));
        }
    }

    @Test
    public void aServerAskingForAClientCertificateGetsTheAppliancesAndRefusesNone() throws Exception {
        ApplianceKeystore server = keystore("department");
        ApplianceKeystore appliance = keystore("appliance");
        PinningTrustManager trust = new PinningTrustManager(CertificateFingerprints.of(server.certificate()));
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        assertEquals("hello", exchange(server, true, trust, appliance, seen));
        assertEquals(appliance.certificate(), seen.get());
        try {
            exchange(server, true, trust, null);
            fail("mutual TLS without a client certificate is refused");
        } catch (IOException expected) {
            assertTrue(TlsFailures.isTls(expected) || expected.getMessage() != null);
        }
    }

    private ApplianceKeystore keystore(String name) throws Exception {
        ApplianceKeystore k = new ApplianceKeystore(tmp.getRoot().toPath().resolve(name).resolve("appliance.p12"));
        k.ensure(List.of("localhost", "127.0.0.1"), null);
        return k;
    }

    private String exchange(ApplianceKeystore server, boolean needClient, TrustManager clientTrust, ApplianceKeystore client) throws Exception {
        return exchange(server, needClient, clientTrust, client, new AtomicReference<>());
    }

    /** One line from a TLS server on the loopback with {@code server}'s key; whose client certificate it saw. */
    private String exchange(ApplianceKeystore server, boolean needClient, TrustManager clientTrust, ApplianceKeystore client,
            AtomicReference<X509Certificate> seen) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(server.load(), server.password().toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        // the server side trusts exactly the appliance's certificate when it asks for one
        TrustManager serverTrust = new ClientPin(client == null ? CertificateFingerprints.of(server.certificate()) : CertificateFingerprints.of(client.certificate()));
        serverContext.init(kmf.getKeyManagers(), new TrustManager[] {serverTrust}, new SecureRandom());
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
            listener.setNeedClientAuth(needClient);
            Thread t = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept(); OutputStream out = s.getOutputStream()) {
                    s.startHandshake();
                    if (needClient) {
                        seen.set((X509Certificate) s.getSession().getPeerCertificates()[0]);
                    }
                    out.write("hello\n".getBytes());
                } catch (IOException e) {
                    // the client sees the failure
                }
            });
            t.start();
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(client == null ? null : client.keyManagers(), new TrustManager[] {clientTrust}, new SecureRandom());
            try (SSLSocket s = (SSLSocket) clientContext.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort());
                    InputStream in = s.getInputStream()) {
                s.startHandshake();
                byte[] buf = new byte[5];
                int n = in.readNBytes(buf, 0, 5);
                if (n < 5) {
                    throw new IOException("connection closed by the server");
                }
                return new String(buf);
            } finally {
                t.join(5000);
            }
        }
    }

    /** The department's side of mutual TLS: it trusts the appliance's certificate by its fingerprint. */
    private static final class ClientPin extends javax.net.ssl.X509ExtendedTrustManager {
        private final String pin;

        ClientPin(String pin) {
            this.pin = pin;
        }

        private void check(X509Certificate[] chain) throws java.security.cert.CertificateException {
            if (!CertificateFingerprints.of(chain[0]).equals(pin)) {
                throw new java.security.cert.CertificateException("not the appliance");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String a) throws java.security.cert.CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String a, java.net.Socket s) throws java.security.cert.CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String a, javax.net.ssl.SSLEngine e) throws java.security.cert.CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String a) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String a, java.net.Socket s) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String a, javax.net.ssl.SSLEngine e) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
