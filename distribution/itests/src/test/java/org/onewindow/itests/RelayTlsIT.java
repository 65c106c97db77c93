package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.tls.CertificateFingerprints;
import org.onewindow.tls.internal.SecretKeystore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The relay to departments' systems over real TLS (the simulator as a process of its own, serving HTTPS): a
 * department whose certificate is pinned gets its cases, over mutual TLS with the appliance's own certificate, signed
 * with a secret the appliance reads from its keystore (the etc/ file holds only the reference); a department whose
 * system presents another certificate gets nothing and the outbox says TLS_UNTRUSTED; a department system demanding
 * a client certificate refuses a route that presents none.
 */
public class RelayTlsIT {
    private static final int PORT = Ports.of(9982);
    private static final String SJ_SECRET = "sj-shared-secret-in-the-keystore";
    private static final String TY_SECRET = "ty-shared-secret-for-tests";
    private static UnpackedAppliance appliance;
    private static DepartmentSystem sj;
    private static DepartmentSystem ty;
    private static String sjPin;

    @BeforeClass
    public static void start() throws Exception {
        appliance = UnpackedAppliance.unpack("relay-tls", PORT, Ports.of(9902));
        Path certs = appliance.home.resolveSibling("certs");
        Path sjKeys = TlsFiles.selfSigned(certs, "sj");
        Path tyKeys = TlsFiles.selfSigned(certs, "ty");
        sjPin = CertificateFingerprints.of(TlsFiles.certificate(sjKeys, "sj"));
        // district IT's onewindow:secret-store relay-SJ: the secret in the keystore, the etc/ file names it
        new SecretKeystore(appliance.home.resolve("etc/onewindow/secrets.p12")).store("relay-SJ", SJ_SECRET.toCharArray());
        department("SJ", Ports.of(9950), "keystore:etc/onewindow/secrets.p12#relay-SJ", sjPin, true);
        // TY's system presents its own certificate, not the one pinned
        department("TY", Ports.of(9960), TY_SECRET, sjPin, false);
        // HB points at SJ's system, which demands a client certificate, but presents none
        department("HB", Ports.of(9950), "keystore:etc/onewindow/secrets.p12#relay-SJ", sjPin, false);
        Files.writeString(appliance.home.resolve("etc/org.onewindow.relay.cfg"), "\ncallbackBaseUrl = http://localhost:" + PORT + "/api\n"
                + "pollMillis = 100\nbackoffBaseMillis = 200\nbackoffMaxMillis = 1000\nmaxAttempts = 50\n", java.nio.file.StandardOpenOption.APPEND);
        appliance.start();
        Path applianceCert = TlsFiles.writePem(appliance.certificate(), certs.resolve("appliance.pem"));
        sj = DepartmentSystem.startHttps(Ports.of(9950), Ports.of(9951), SJ_SECRET, "SJ", sjKeys, applianceCert);
        ty = DepartmentSystem.startHttps(Ports.of(9960), Ports.of(9961), TY_SECRET, "TY", tyKeys, null);
        for (DepartmentSystem d : new DepartmentSystem[] {sj, ty}) {
            d.configure("{\"autoDecide\":true,\"decision\":\"APPROVED\",\"decisionDelayMs\":200}");
        }
    }

    private static void department(String code, int port, String secret, String pin, boolean clientCertificate) throws Exception {
        Files.writeString(appliance.home.resolve("etc/org.onewindow.relay.department-" + code + ".cfg"), "code = " + code + "\nmode = remote\n"
                + "url = https://localhost:" + port + "\nsecret = " + secret + "\ntlsPin = " + pin + "\nclientCertificate = " + clientCertificate
                + "\nconnectTimeoutMillis = 2000\n");
    }

    @AfterClass
    public static void stop() throws Exception {
        for (DepartmentSystem d : new DepartmentSystem[] {sj, ty}) {
            if (d != null) {
                d.close();
            }
        }
        if (appliance != null) {
            appliance.stopGracefully();
        }
    }

    @Test
    public void thePinnedDepartmentGetsTheCaseOverMutualTlsSignedWithTheSecretFromTheKeystore() throws Exception {
        assertFalse("the etc/ file holds the reference, not the secret",
                Files.readString(appliance.home.resolve("etc/org.onewindow.relay.department-SJ.cfg")).contains(SJ_SECRET));
        JsonNode item = Cases.item(appliance.http, "SJ", 1);
        String no = Cases.accepted(appliance.http, item, Cases.ZHANG_SAN).path("caseNo").asText();
        JsonNode approved = Cases.awaitStatus(appliance.http, no, "APPROVED");
        assertEquals("REMOTE", approved.path("route").asText());
        JsonNode held = sj.stats().path("casesByNo").path(no);
        assertEquals(held.toString(), 1, held.path("deliveries").asInt());
    }

    @Test
    public void aDepartmentSystemPresentingAnotherCertificateGetsNothingAndTheOutboxSaysTlsUntrusted() throws Exception {
        JsonNode item = Cases.item(appliance.http, "TY", 1);
        String no = Cases.accepted(appliance.http, item, Cases.LI_SI).path("caseNo").asText();
        JsonNode handover = awaitFailedHandover(no);
        assertTrue(handover.toString(), handover.path("lastError").asText().startsWith("TLS_UNTRUSTED"));
        assertTrue(handover.toString(), handover.path("lastError").asText().contains(sjPin));
        assertEquals("ACCEPTED", appliance.http.get("/cases/" + no, "clerk").json().path("status").asText());
        assertTrue(ty.stats().path("casesByNo").path(no).isMissingNode());
    }

    @Test
    public void aDepartmentSystemDemandingAClientCertificateRefusesARouteThatPresentsNone() throws Exception {
        JsonNode item = Cases.item(appliance.http, "HB", 1);
        String no = Cases.accepted(appliance.http, item, Cases.ZHANG_SAN).path("caseNo").asText();
        JsonNode handover = awaitFailedHandover(no);
        assertTrue(handover.toString(), handover.path("lastError").asText().startsWith("TLS_UNTRUSTED")
                || handover.path("lastError").asText().contains("unreachable"));
        assertEquals("ACCEPTED", appliance.http.get("/cases/" + no, "clerk").json().path("status").asText());
        assertTrue(sj.stats().path("casesByNo").path(no).isMissingNode());
    }

    /** The case's handover once it failed at least once, as the outbox shows it. */
    private static JsonNode awaitFailedHandover(String caseNo) throws InterruptedException {
        JsonNode found = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < end; Thread.sleep(250)) {
            for (JsonNode h : appliance.http.get("/relay/outbox?size=500", "supervisor").json().path("items")) {
                if (caseNo.equals(h.path("caseNo").asText())) {
                    found = h;
                    if (h.path("attempts").asInt() > 0 && !h.path("lastError").asText().isEmpty()) {
                        return h;
                    }
                }
            }
        }
        throw new AssertionError("no failed handover of " + caseNo + " within 30 s: " + found);
    }
}
