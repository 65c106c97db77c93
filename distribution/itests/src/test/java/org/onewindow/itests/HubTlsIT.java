package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.tls.CertificateFingerprints;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A district and a hub federated over HTTPS (two real Karaf processes): the district shows the hub's certificate and
 * registers only once district IT confirmed its fingerprint, then trusts that certificate alone; when the hub serves
 * another certificate the link fails closed (TLS_UNTRUSTED, the backlog waits, nothing reaches the hub) until district
 * IT pins the new one, after which the backlog arrives whole.
 */
public class HubTlsIT {
    private static final String A = "441302";
    private static UnpackedAppliance hub;
    private static UnpackedAppliance a;
    private static String hubUrl;

    @BeforeClass
    public static void launch() throws Exception {
        hub = UnpackedAppliance.unpack("tls-hub", Ports.of(9983), Ports.of(9903));
        hub.replace("etc/org.onewindow.node.cfg", "role = district", "role = hub");
        hub.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = 441300");
        a = UnpackedAppliance.unpack("tls-a", Ports.of(9984), Ports.of(9904));
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a}) {
            node.launch();
        }
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a}) {
            node.http.awaitWindow(Http.BOOT);
        }
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        a.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));
        hubUrl = "https://localhost:" + hub.securePort;
    }

    @AfterClass
    public static void stop() {
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    public void theHubIsPinnedAtRegistrationAndASwappedCertificateStopsTheLinkUntilDistrictItPinsIt() throws Exception {
        String hubFingerprint = CertificateFingerprints.of(hub.certificate());
        // first contact: the district shows what the hub presents and sends nothing
        Http.Answer unconfirmed = register(null);
        assertEquals(unconfirmed.toString(), 409, unconfirmed.status);
        assertEquals("HUB_CERTIFICATE_UNCONFIRMED", unconfirmed.code());
        assertTrue(unconfirmed.body, unconfirmed.body.contains(hubFingerprint));
        Http.Answer mismatch = register(CertificateFingerprints.of(a.certificate()));
        assertEquals(mismatch.toString(), "HUB_CERTIFICATE_MISMATCH", mismatch.code());
        assertEquals("nothing reached the hub", 0, hub.http.get("/hub/districts", "admin").json().size());

        // district IT compared the fingerprint with the city administrator's: typed in any case, with spaces
        Http.Answer registered = register(hubFingerprint.replace(":", " ").toLowerCase());
        assertEquals(registered.toString(), 200, registered.status);
        assertEquals(hubFingerprint, registered.json().path("hubCertificate").asText());
        String fingerprintA = a.http.get("/replication", "admin").json().path("fingerprint").asText();
        assertEquals(200, Federation.approve(hub.http, A, fingerprintA).status);
        String first = Federation.openCase(a);
        Federation.awaitSameCases(hub.http, a, A);

        // the hub now serves another certificate (its city CA's), installed there without a restart
        Path dir = Paths.get("target", "tls-hub-ca").toAbsolutePath();
        Path hall = TlsFiles.caSigned(dir);
        String installed = hub.client("onewindow:tls-install --password-file " + dir.resolve("hall.password") + " " + hall);
        assertTrue(installed, installed.contains("Installed"));
        String newFingerprint = CertificateFingerprints.of(hub.certificate());
        String waiting = Federation.openCase(a);
        JsonNode link = awaitLink(l -> l.path("lastError").asText().startsWith("TLS_UNTRUSTED"));
        assertTrue(link.toString(), link.path("lastError").asText().contains(newFingerprint));
        assertTrue(link.toString(), link.path("backlog").asLong() > 0);
        Thread.sleep(2000);
        assertFalse("nothing is sent to a hub whose certificate is not the pinned one", Federation.hubCases(hub.http, A).containsKey(waiting));
        assertTrue(Federation.hubCases(hub.http, A).containsKey(first));

        // only an explicit pin of exactly what the hub presents moves the link on
        Http.Answer wrong = a.http.putJson("/replication/hub-certificate", "admin", "{\"fingerprint\":\"" + hubFingerprint + "\"}");
        assertEquals(wrong.toString(), "HUB_CERTIFICATE_MISMATCH", wrong.code());
        assertEquals(403, a.http.putJson("/replication/hub-certificate", "clerk", "{\"fingerprint\":\"" + newFingerprint + "\"}").status);
        Http.Answer pinned = a.http.putJson("/replication/hub-certificate", "admin", "{\"fingerprint\":\"" + newFingerprint + "\"}");
        assertEquals(pinned.toString(), 200, pinned.status);
        assertEquals(newFingerprint, pinned.json().path("hubCertificate").asText());
        Federation.awaitSameCases(hub.http, a, A);
        assertTrue(Federation.hubCases(hub.http, A).containsKey(waiting));
        assertTrue(a.client("onewindow:replication-status").contains("pinned SHA-256 " + newFingerprint));
    }

    private static Http.Answer register(String fingerprint) {
        return a.http.postJson("/replication/registration", "admin", "{\"hubUrl\":\"" + hubUrl + "\""
                + (fingerprint == null ? "" : ",\"hubFingerprint\":\"" + fingerprint + "\"") + "}");
    }

    private static JsonNode awaitLink(java.util.function.Predicate<JsonNode> check) throws InterruptedException {
        JsonNode link = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < end; Thread.sleep(250)) {
            link = a.http.get("/replication", "admin").json();
            if (check.test(link)) {
                return link;
            }
        }
        throw new AssertionError("the link did not get there within 30 s: " + link);
    }
}
