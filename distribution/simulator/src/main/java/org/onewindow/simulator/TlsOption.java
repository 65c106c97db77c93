package org.onewindow.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The simulators' HTTPS option, so tests run real TLS against them: {@code --tls-keystore FILE.p12 --tls-password PW}
 * serves the main port over HTTPS with that key and certificate; {@code --tls-client-cert FILE.pem} also asks for a
 * client certificate and accepts only that one (mutual TLS, as a department system that demands it). The admin port
 * stays plain HTTP on the loopback, for the test that drives it.
 */
final class TlsOption {
    private static volatile SSLContext context;
    private static volatile boolean needClientAuth;

    private TlsOption() {
    }

    /** Reads the options; plain HTTP without {@code --tls-keystore}. */
    static void configure(Map<String, String> options) throws IOException, GeneralSecurityException {
        String keystore = options.get("tlsKeystore");
        if (keystore == null) {
            return;
        }
        char[] password = options.getOrDefault("tlsPassword", "changeit").toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Paths.get(keystore))) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        TrustManagerFactory tmf = null;
        String clientCert = options.get("tlsClientCert");
        if (clientCert != null) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            try (InputStream in = Files.newInputStream(Path.of(clientCert))) {
                trusted.setCertificateEntry("client", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            needClientAuth = true;
        }
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        context = c;
    }

    static boolean enabled() {
        return context != null;
    }

    /** The main port's server: HTTPS when configured, else plain HTTP. */
    static HttpServer server(InetSocketAddress address, int backlog) throws IOException {
        SSLContext c = context;
        if (c == null) {
            return HttpServer.create(address, backlog);
        }
        HttpsServer server = HttpsServer.create(address, backlog);
        server.setHttpsConfigurator(new HttpsConfigurator(c) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = c.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        return server;
    }

    static String usage() {
        return "  --tls-keystore FILE.p12 --tls-password PW   serve the main port over HTTPS\n"
                + "  --tls-client-cert FILE.pem                  and accept only this client certificate (mutual TLS)";
    }
}
