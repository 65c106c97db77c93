package org.onewindow.itests;

import static org.junit.Assert.assertEquals;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Keys and certificates for the TLS tests, made with the JDK's keytool as district IT or a department would. */
final class TlsFiles {
    static final String PASSWORD = "changeit-tests";

    private TlsFiles() {
    }

    /** A PKCS#12 keystore with an EC key and a self-signed certificate for localhost and 127.0.0.1. */
    static Path selfSigned(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Path p12 = dir.resolve(name + ".p12");
        Files.deleteIfExists(p12);
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost, O=" + name,
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        return p12;
    }

    /**
     * A city CA (its certificate as PEM in {@code ca.pem}) and a hall key with the certificate it signed for localhost,
     * the whole chain in {@code hall.p12}, as a CA hands them out.
     */
    static Path caSigned(Path dir) throws Exception {
        Files.createDirectories(dir);
        String ca = dir.resolve("ca.p12").toString();
        String hall = dir.resolve("hall.p12").toString();
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=City CA, O=City", "-ext", "bc:c",
                "-validity", "30", "-keystore", ca, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", PASSWORD, "-file", dir.resolve("ca.pem").toString());
        keytool("-genkeypair", "-alias", "hall", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost, O=Hall",
                "-validity", "30", "-keystore", hall, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "hall", "-keystore", hall, "-storepass", PASSWORD, "-file", dir.resolve("hall.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", PASSWORD, "-infile", dir.resolve("hall.csr").toString(),
                "-outfile", dir.resolve("hall.crt").toString(), "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(), "-keystore", hall, "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "hall", "-file", dir.resolve("hall.crt").toString(), "-keystore", hall, "-storepass", PASSWORD);
        Files.writeString(dir.resolve("hall.password"), PASSWORD + "\n");
        return dir.resolve("hall.p12");
    }

    static X509Certificate certificate(Path p12, String password, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate(alias);
    }

    static X509Certificate certificate(Path p12, String alias) throws Exception {
        return certificate(p12, PASSWORD, alias);
    }

    static X509Certificate pem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static Path writePem(X509Certificate c, Path file) throws Exception {
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    /** A client that trusts exactly these certificates (as CAs or as the server's own), host names checked. */
    static HttpClient trusting(X509Certificate... certificates) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            trusted.setCertificateEntry("c" + i, certificates[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), new SecureRandom());
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("keytool " + String.join(" ", args) + ": " + out, 0, p.waitFor());
    }
}
