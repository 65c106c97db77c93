package org.onewindow.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust store of outgoing links: the CA certificates of the PEM file {@code trustStore} names (the city CA,
 * configured once), or, while there is no such file, the JDK's own CAs. Read again when the file changes.
 */
final class TrustStores {
    private final Path file;
    private long readAt = -1;
    private int size;
    private X509TrustManager manager;

    TrustStores(Path file) {
        this.file = file;
    }

    synchronized X509TrustManager manager() throws IOException, GeneralSecurityException {
        long modified = file != null && Files.isReadable(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        if (manager == null || modified != readAt) {
            KeyStore store = null;
            size = 0;
            if (modified != 0) {
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                try (InputStream in = Files.newInputStream(file)) {
                    Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
                    for (Certificate c : all) {
                        store.setCertificateEntry("ca-" + size++, c);
                    }
                }
                if (size == 0) {
                    throw new GeneralSecurityException("the trust store " + file + " holds no certificate");
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (var tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    manager = x;
                }
            }
            readAt = modified;
        }
        return manager;
    }

    /** What the trust store is, for the status. */
    synchronized String describe() {
        return readAt > 0 ? file + " (" + size + " CA certificate" + (size == 1 ? "" : "s") + ")" : "the JDK's CAs (no " + file + ")";
    }
}
