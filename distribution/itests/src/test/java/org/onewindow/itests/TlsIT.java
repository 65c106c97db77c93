package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.tls.CertificateFingerprints;

/**
 * HTTPS as a hall runs it (plain HTTP only redirecting, as in production): the appliance's own certificate made
 * at the first start (0600, its fingerprint printed and logged), the console and the API over TLS to a client that
 * trusts it and refused to one that does not, plain HTTP redirected but the health check on this machine, the
 * session cookie Secure and HSTS over HTTPS, and the city CA's certificate installed with one command and served at
 * once, without a restart. The built tar.gz, unpacked and started with bin/karaf.
 */
public class TlsIT {
    private static final int PORT = Ports.of(9981);
    private static UnpackedAppliance appliance;
    private static String firstFingerprint;

    @BeforeClass
    public static void start() throws Exception {
        appliance = UnpackedAppliance.unpack("tls", PORT, Ports.of(9901));
        // production's plain HTTP (demo mode keeps its users for the test)
        appliance.replace("etc/org.onewindow.tls.cfg", "plainHttp = auto", "plainHttp = redirect");
        appliance.launch();
        // plain HTTP answers nothing but the health check now: wait over HTTPS, once the certificate is there
        appliance.http.awaitOk("/health", null, Http.BOOT);
        // every capability, the window's cases too (the catalog answers before intake's resource is registered)
        appliance.https().awaitWindow(Http.BOOT);
        firstFingerprint = CertificateFingerprints.of(appliance.certificate());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (appliance != null) {
            appliance.stopGracefully();
        }
    }

    @Test
    public void theApplianceMadeItsOwnCertificateKeptItOwnerOnlyAndSaidItsFingerprint() throws Exception {
        String console = Files.readString(appliance.home.resolve("console.log"), StandardCharsets.UTF_8);
        String log = Files.readString(appliance.home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        assertTrue(console, console.contains("SHA-256 fingerprint is " + firstFingerprint));
        assertTrue(log.contains("SHA-256 fingerprint is " + firstFingerprint));
        for (String file : new String[] {"etc/onewindow/tls/appliance.p12", "etc/onewindow/tls/appliance.password", "etc/org.ops4j.pax.web.cfg"}) {
            assertEquals(file, "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(appliance.home.resolve(file))));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(appliance.home.resolve("etc/onewindow/tls"))));
        assertFalse("the keystore's password is not the shipped empty one",
                Files.readString(appliance.home.resolve("etc/org.ops4j.pax.web.cfg")).contains("keystore.password =\n"));
    }

    @Test
    public void theApiAndTheConsoleAnswerOverHttpsToAClientTrustingTheCertificateAndNotToOthers() throws Exception {
        HttpClient trusting = TlsFiles.trusting(appliance.certificate());
        for (String path : new String[] {"/api/v1/health", "/console/", "/online/"}) {
            HttpResponse<String> r = trusting.send(HttpRequest.newBuilder(https(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(path, 200, r.statusCode());
            assertEquals(path, "max-age=31536000", r.headers().firstValue("Strict-Transport-Security").orElse(null));
            assertTrue(r.sslSession().orElseThrow().getProtocol(), r.sslSession().orElseThrow().getProtocol().matches("TLSv1\\.[23]"));
        }
        Http.Answer cases = appliance.https().get("/cases?size=1", "clerk");
        assertEquals(cases.toString(), 200, cases.status);
        try {
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(https("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            fail("a client that does not trust the appliance's certificate is refused");
        } catch (SSLHandshakeException expected) {
            // the JDK's CAs know nothing of it
        }
    }

    @Test
    public void plainHttpRedirectsToHttpsButTheHealthCheckAskedOnThisMachine() throws Exception {
        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> console = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/console/?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(308, console.statusCode());
        assertEquals("https://localhost:" + appliance.securePort + "/console/?lang=en", console.headers().firstValue("Location").orElse(null));
        assertTrue(console.body().isEmpty());
        HttpResponse<String> login = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"clerk\",\"password\":\"clerk-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("a login over plain HTTP is sent to HTTPS, never answered", 308, login.statusCode());
        assertTrue(login.headers().firstValue("Set-Cookie").isEmpty());
        HttpResponse<String> health = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("monitors on the box still read the health over HTTP", 200, health.statusCode());
        assertTrue("no HSTS over plain HTTP", health.headers().firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    public void theConsoleSessionCookieIsSecureOverHttps() throws Exception {
        HttpResponse<String> login = TlsFiles.trusting(appliance.certificate()).send(HttpRequest.newBuilder(https("/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"clerk\",\"password\":\"clerk-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(login.body(), 200, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.startsWith("OW_SESSION=") && cookie.contains("; Secure") && cookie.contains("HttpOnly")
                && cookie.contains("SameSite=Strict"));
    }

    @Test
    public void theCityCasCertificateIsInstalledWithOneCommandAndServedWithoutARestart() throws Exception {
        Path dir = Paths.get("target", "tls-ca").toAbsolutePath();
        Path hall = TlsFiles.caSigned(dir);
        X509Certificate ca = TlsFiles.pem(dir.resolve("ca.pem"));
        X509Certificate leaf = TlsFiles.certificate(hall, "hall");
        String out = appliance.client("onewindow:tls-install --password-file " + dir.resolve("hall.password") + " " + hall);
        assertTrue(out, out.contains("Installed") && out.contains(CertificateFingerprints.of(leaf)));
        assertEquals(CertificateFingerprints.of(leaf), CertificateFingerprints.of(appliance.certificate()));
        // a browser that trusts the city CA alone now reaches the hall, the same process still running
        HttpClient cityCa = TlsFiles.trusting(ca);
        HttpResponse<String> r = cityCa.send(HttpRequest.newBuilder(https("/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        X509Certificate served = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
        assertEquals(CertificateFingerprints.of(leaf), CertificateFingerprints.of(served));
        assertEquals("the chain is served whole", 2, r.sslSession().orElseThrow().getPeerCertificates().length);
        String status = appliance.client("onewindow:tls-status");
        assertTrue(status, status.contains(CertificateFingerprints.of(leaf)) && status.contains("City CA"));
    }

    private URI https(String path) {
        return URI.create("https://localhost:" + appliance.securePort + path);
    }

}
