package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.replication.SignedRequests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A city hub and two districts as three real Karaf processes from the built distribution, each on
 * its own ports and data: registration and approval, cases replicated exactly once, the hub and a
 * district killed (kill -9) in the middle of it, and requests the hub must refuse.
 */
public class FederationIT {
    private static final String A = "441302";
    private static final String B = "441303";
    /** A district the test plays itself, to send requests of its own making. */
    private static final String FAKE = "441399";
    private static UnpackedAppliance hub;
    private static UnpackedAppliance a;
    private static UnpackedAppliance b;
    private static int applicants;

    @BeforeClass
    public static void federate() throws Exception {
        hub = UnpackedAppliance.unpack("fed-hub", 9681, 9601);
        hub.replace("etc/org.onewindow.node.cfg", "role = district", "role = hub");
        hub.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = 441300");
        hub.replace("etc/org.onewindow.node.cfg", "districtName = \\u60E0\\u57CE\\u533A", "districtName = \\u60E0\\u5DDE\\u5E02");
        a = UnpackedAppliance.unpack("fed-a", 9682, 9602);
        // small batches, so that a kill finds the district in the middle of its backlog
        a.replace("etc/org.onewindow.replication.cfg", "batchSize = 500", "batchSize = 10");
        b = UnpackedAppliance.unpack("fed-b", 9683, 9603);
        b.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = " + B);
        b.replace("etc/org.onewindow.node.cfg", "districtName = \\u60E0\\u57CE\\u533A", "districtName = \\u60E0\\u9633\\u533A");
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a, b}) {
            node.launch();
        }
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a, b}) {
            node.http.awaitWindow(Duration.ofSeconds(120));
        }
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        a.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));
        b.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));

        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            Http.Answer registered = district.http.postJson("/replication/registration", "admin", "{\"hubUrl\":\"http://localhost:9681\"}");
            assertEquals(registered.toString(), 200, registered.status);
            assertEquals("PENDING", registered.json().path("state").asText());
        }
        // a case taken in before approval waits in the journal
        String early = openCase(a);
        assertEquals("nothing is accepted before a city administrator approves", 0, hubCases(A).size());
        assertEquals(403, hub.http.postJson("/hub/districts/" + A + "/approval", "supervisor", "").status);
        for (String code : new String[] {A, B}) {
            Http.Answer approved = hub.http.postJson("/hub/districts/" + code + "/approval", "admin", "");
            assertEquals(approved.toString(), 200, approved.status);
            assertEquals("APPROVED", approved.json().path("state").asText());
        }
        awaitSameCases(a, A);
        assertTrue(hubCases(A).containsKey(early));
    }

    @AfterClass
    public static void stop() {
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a, b}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    public void casesTakenInAtBothDistrictsArriveAtTheHubExactlyOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            openCase(a);
            openCase(b);
        }
        // a change to a case travels too: the hub has each case's latest status
        String accepted = Cases.accepted(b.http, Cases.item(b.http, "GA", 1), applicant()).path("caseNo").asText();
        awaitSameCases(a, A);
        awaitSameCases(b, B);
        assertTrue(hubCases(B).get(accepted), Set.of("ACCEPTED", "IN_REVIEW").contains(hubCases(B).get(accepted)));
        JsonNode districts = hub.http.get("/hub/districts", "supervisor").json();
        for (JsonNode d : districts) {
            if (d.path("code").asText().equals(B)) {
                assertEquals(d.toString(), hubCases(B).size(), d.path("cases").asInt());
                assertEquals(0, d.path("refusals").asInt());
            }
        }
        JsonNode stats = hub.http.get("/hub/stats", "supervisor").json();
        assertTrue(stats.toString(), stats.path("cases").asLong() >= 12);
        assertTrue(stats.toString(), stats.path("byChannel").path("WINDOW").asLong() >= 12);
        assertEquals(403, hub.http.get("/hub/stats", "clerk").status);
    }

    @Test
    public void aHubKilledAndStartedAgainReceivesTheBacklogExactlyOnce() throws Exception {
        hub.kill();
        // the districts go on without the hub: intake, acceptance
        for (int i = 0; i < 15; i++) {
            openCase(a);
            openCase(b);
        }
        assertTrue("the backlog waits in the journal", a.http.get("/replication", "admin").json().path("backlog").asLong() > 0);
        hub.launch();
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(120));
        awaitSameCases(a, A);
        awaitSameCases(b, B);
    }

    @Test
    public void aDistrictKilledWhileShippingLosesAndDoublesNothing() throws Exception {
        hub.kill();
        for (int i = 0; i < 300; i++) {
            openCase(a);
        }
        Map<String, String> before = districtCases(a);
        hub.launch();
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(120));
        // batches of 10: kill the district as soon as the hub has some of the backlog, with most still to ship
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int atHub = 0;
        while (System.nanoTime() < end) {
            atHub = hubCases(A).size();
            if (atHub > before.size() - 300) {
                break;
            }
            Thread.sleep(20);
        }
        a.kill();
        assertTrue("killed in the middle: " + atHub + " of " + before.size(), atHub < before.size());
        a.launch();
        a.http.awaitWindow(Duration.ofSeconds(120));
        awaitSameCases(a, A);
        assertEquals(before, districtCases(a));
    }

    @Test
    public void forgedReplayedForeignAndRevokedRequestsAreRefused() throws Exception {
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        Http.Answer registered = hub.http.postJson("/hub/registrations", null,
                "{\"district\":\"" + FAKE + "\",\"name\":\"测试区\",\"version\":\"test\",\"token\":\"" + token + "\"}");
        assertEquals(registered.toString(), 200, registered.status);
        assertEquals(403, hub.http.exchange("GET", "/hub/registrations/" + FAKE, Map.of(SignedRequests.TOKEN, "wrong" + token), null).status);
        assertEquals(200, hub.http.postJson("/hub/districts/" + FAKE + "/approval", "admin", "").status);
        JsonNode state = hub.http.exchange("GET", "/hub/registrations/" + FAKE, Map.of(SignedRequests.TOKEN, token), null).json();
        byte[] key = Base64.getDecoder().decode(state.path("key").asText());

        String own = batch(FAKE, 1, FAKE + "-20261128-0001");
        Map<String, String> signed = sign(key, FAKE, own, UUID.randomUUID().toString());
        Http.Answer accepted = hub.http.exchange("POST", "/hub/batches", signed, own);
        assertEquals(accepted.toString(), 200, accepted.status);
        assertEquals(1, accepted.json().path("acked").asLong());

        Http.Answer replayed = hub.http.exchange("POST", "/hub/batches", signed, own);
        assertEquals(replayed.toString(), 409, replayed.status);
        assertEquals("REPLAYED", replayed.code());

        Http.Answer forged = hub.http.exchange("POST", "/hub/batches", sign(new byte[32], FAKE, own, UUID.randomUUID().toString()), own);
        assertEquals(401, forged.status);
        assertEquals("BAD_SIGNATURE", forged.code());
        Map<String, String> tampered = sign(key, FAKE, own, UUID.randomUUID().toString());
        assertEquals(401, hub.http.exchange("POST", "/hub/batches", tampered, own.replace("测试", "篡改")).status);
        Map<String, String> stale = sign(key, FAKE, own, UUID.randomUUID().toString(), Instant.now().minusSeconds(3600));
        assertEquals("STALE_REQUEST", hub.http.exchange("POST", "/hub/batches", stale, own).code());

        // a record claiming district A's case, signed by this district: refused whole, nothing of A's touched
        String foreign = batch(FAKE, 2, A + "-20261128-9999");
        Http.Answer refused = hub.http.exchange("POST", "/hub/batches", sign(key, FAKE, foreign, UUID.randomUUID().toString()), foreign);
        assertEquals(refused.toString(), 403, refused.status);
        assertEquals("FOREIGN_RECORD", refused.code());
        assertTrue(!hubCases(A).containsKey(A + "-20261128-9999"));

        assertEquals(200, hub.http.postJson("/hub/districts/" + FAKE + "/revocation", "admin", "").status);
        String next = batch(FAKE, 2, FAKE + "-20261128-0002");
        Http.Answer revoked = hub.http.exchange("POST", "/hub/batches", sign(key, FAKE, next, UUID.randomUUID().toString()), next);
        assertEquals(revoked.toString(), 403, revoked.status);
        assertEquals("DISTRICT_REVOKED", revoked.code());
        assertEquals(Set.of(FAKE + "-20261128-0001"), hubCases(FAKE).keySet());
        for (JsonNode d : hub.http.get("/hub/districts", "admin").json()) {
            if (d.path("code").asText().equals(FAKE)) {
                assertEquals("REVOKED", d.path("state").asText());
                assertTrue(d.toString(), d.path("refusals").asInt() >= 5);
            }
        }
    }

    private static String openCase(UnpackedAppliance district) {
        Http.Answer opened = district.http.postJson("/cases", "clerk", Cases.open("RS-SB-003", applicant(), "M01"));
        assertEquals(opened.toString(), 201, opened.status);
        return opened.json().path("caseNo").asText();
    }

    /** A different valid resident ID number each time (check digit of GB 11643). */
    private static String applicant() {
        String body = "44130219900101" + String.format("%03d", ++applicants % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Waits until the hub has exactly the district's cases, each in the district's status. */
    private static void awaitSameCases(UnpackedAppliance district, String code) throws InterruptedException {
        Map<String, String> there = Map.of();
        Map<String, String> here = Map.of();
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            // the district itself moves cases on (the relay): compare what both have at about the same time
            here = districtCases(district);
            there = hubCases(code);
            if (there.equals(here)) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals("the hub has exactly the cases of " + code + ", in their status", here, there);
    }

    /** Case number to status, as the district has them. */
    private static Map<String, String> districtCases(UnpackedAppliance district) {
        Map<String, String> out = new TreeMap<>();
        for (int page = 1;; page++) {
            JsonNode items = district.http.get("/cases?size=200&page=" + page, "supervisor").json().path("items");
            items.forEach(c -> out.put(c.path("caseNo").asText(), c.path("status").asText()));
            if (items.size() < 200) {
                return out;
            }
        }
    }

    /** Case number to status, as the hub has them for the district. */
    private static Map<String, String> hubCases(String code) {
        Http.Answer answer = hub.http.get("/hub/cases?size=10000&district=" + code, "supervisor");
        assertEquals(answer.toString(), 200, answer.status);
        Map<String, String> out = new TreeMap<>();
        answer.json().forEach(c -> out.put(c.path("caseNo").asText(), c.path("status").asText()));
        return out;
    }

    private static String batch(String district, long seq, String caseNo) {
        return "{\"district\":\"" + district + "\",\"version\":\"test\",\"journalLastSeq\":" + seq + ",\"records\":[{\"seq\":" + seq
                + ",\"kind\":\"CASE\",\"key\":\"" + caseNo + "\",\"writtenAt\":\"" + Instant.now() + "\",\"payload\":"
                + Http.JSON.valueToTree(Map.of("caseNo", caseNo, "status", "DRAFT", "channel", "WINDOW", "itemName", "测试"))
                        .toString().replace("\"", "\\\"").transform(p -> "\"" + p + "\"") + "}]}";
    }

    private static Map<String, String> sign(byte[] key, String district, String body, String nonce) {
        return sign(key, district, body, nonce, Instant.now());
    }

    private static Map<String, String> sign(byte[] key, String district, String body, String nonce, Instant at) {
        long seconds = at.getEpochSecond();
        return Map.of(SignedRequests.DISTRICT, district, SignedRequests.TIMESTAMP, Long.toString(seconds), SignedRequests.NONCE, nonce,
                SignedRequests.SIGNATURE, SignedRequests.sign(key, district, seconds, nonce, body.getBytes(StandardCharsets.UTF_8)));
    }
}
