package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The relay to a department's own approval system over real HTTP (the simulator as a process of its
 * own): the whole flow, an outage, duplicate and forged callbacks, dead letters, and the relay
 * feature taken away and brought back with cases waiting.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RelayIT extends OneWindowTestSupport {
    private static final int SIM_PORT = Ports.of(9500);
    private static final String SJ_SECRET = "sj-shared-secret-for-tests";
    private static DepartmentSystem sj;

    @Configuration
    public Option[] config() {
        return appliance(
                editConfigurationFilePut("etc/org.onewindow.relay.department-SJ.cfg", "mode", "remote"),
                editConfigurationFilePut("etc/org.onewindow.relay.department-SJ.cfg", "url", "http://localhost:" + SIM_PORT),
                editConfigurationFilePut("etc/org.onewindow.relay.department-SJ.cfg", "secret", SJ_SECRET),
                editConfigurationFilePut("etc/org.onewindow.relay.department-SJ.cfg", "connectTimeoutMillis", "1000"),
                // a department whose system is never there
                editConfigurationFilePut("etc/org.onewindow.relay.department-TY.cfg", "mode", "remote"),
                editConfigurationFilePut("etc/org.onewindow.relay.department-TY.cfg", "url", Ports.local(9599)),
                editConfigurationFilePut("etc/org.onewindow.relay.department-TY.cfg", "secret", "ty-shared-secret-for-tests"),
                editConfigurationFilePut("etc/org.onewindow.relay.cfg", "callbackBaseUrl", "http://localhost:" + HTTP_PORT + "/api"),
                editConfigurationFilePut("etc/org.onewindow.relay.cfg", "pollMillis", "100"),
                editConfigurationFilePut("etc/org.onewindow.relay.cfg", "backoffBaseMillis", "200"),
                editConfigurationFilePut("etc/org.onewindow.relay.cfg", "backoffMaxMillis", "1000"),
                editConfigurationFilePut("etc/org.onewindow.relay.cfg", "maxAttempts", "6"),
                editConfigurationFilePut("etc/org.onewindow.supervision.cfg", "intervalSeconds", "0"),
                // the back office says when a decision overtook the relay's record (the race the tests provoke)
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.backoffice.name",
                        "org.onewindow.intake.internal.backoffice.JpaBackOffice"),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.backoffice.level", "INFO"));
    }

    @Before
    public void upAndRunning() throws Exception {
        awaitApi();
        // Pax Exam runs each test method on its own in the container, with the class's static state kept:
        // the simulator is started once and ends with the container (--exit-with-parent)
        if (sj == null || !sj.isAlive()) {
            sj = DepartmentSystem.start(SIM_PORT, SIM_PORT + 1, SJ_SECRET, "SJ");
        }
        sj.configure("{\"down\":false,\"errorRate\":0,\"latencyMs\":0,\"duplicateCallbacks\":false,\"autoDecide\":true,"
                + "\"decision\":\"APPROVED\",\"decisionDelayMs\":200}");
    }

    @Test
    public void windowToTheDepartmentSystemAndBackToPickup() throws Exception {
        JsonNode item = Cases.item(http, "SJ", 1);
        String no = Cases.accepted(http, item, Cases.ZHANG_SAN).path("caseNo").asText();
        JsonNode approved = Cases.awaitStatus(http, no, "APPROVED");
        assertEquals("REMOTE", approved.path("route").asText());
        assertTrue(approved.toString(), approved.path("decision").path("resultDocument").asText().contains("SJ-"));
        assertTrue(approved.path("decision").path("licenceNo").asText().startsWith("SJ-LIC-"));
        assertTrue(approved.path("timeLimit").path("inTime").asBoolean());
        String pickup = approved.path("pickupCode").asText();
        assertEquals("READY_FOR_PICKUP", http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("READY_FOR_PICKUP"))
                .json().path("status").asText());
        JsonNode done = http.postJson("/cases/" + no + "/transitions", "clerk", "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + pickup + "\"}").json();
        assertEquals("DELIVERED", done.path("status").asText());
        JsonNode held = sj.stats().path("casesByNo").path(no);
        assertEquals(held.toString(), 1, held.path("deliveries").asInt());
    }

    @Test
    public void anOutageLosesNothingAndDeliversNothingTwice() throws Exception {
        sj.configure("{\"down\":true,\"duplicateCallbacks\":true}");
        JsonNode item = Cases.item(http, "SJ", 1);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(Cases.accepted(http, item, i % 2 == 0 ? Cases.ZHANG_SAN : Cases.LI_SI).path("caseNo").asText());
        }
        Thread.sleep(1500);
        for (String no : cases) {
            assertEquals("waits in the outbox while the department is down", "ACCEPTED", http.get("/cases/" + no, "clerk").json().path("status").asText());
        }
        JsonNode retrying = http.get("/relay/outbox?state=RETRYING&size=500", "supervisor").json();
        assertTrue(retrying.toString(), retrying.path("counts").path("RETRYING").asInt() >= 5);
        long refusedBefore = sj.stats().path("callbacksRefused").asLong();

        sj.configure("{\"down\":false}");
        for (String no : cases) {
            Cases.awaitStatus(http, no, "APPROVED");
        }
        JsonNode stats = sj.stats();
        for (String no : cases) {
            assertEquals(stats.toString(), 1, stats.path("casesByNo").path(no).path("deliveries").asInt());
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sj.stats().path("callbacksRefused").asLong() < refusedBefore + cases.size() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue("every duplicate decision was refused", sj.stats().path("callbacksRefused").asLong() >= refusedBefore + cases.size());
        for (String no : cases) {
            JsonNode c = http.get("/cases/" + no, "clerk").json();
            long decisions = 0;
            for (JsonNode h : c.path("history")) {
                decisions += "APPROVED".equals(h.path("to").asText()) ? 1 : 0;
            }
            assertEquals("decided once: " + c.path("history"), 1, decisions);
        }
    }

    @Test
    public void aDecisionThatOvertakesTheRelaysOwnRecordIsNotLost() throws Exception {
        // the department decides at once: its callback may arrive before the relay has recorded the handover
        sj.configure("{\"decisionDelayMs\":0}");
        JsonNode item = Cases.item(http, "SJ", 1);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cases.add(Cases.accepted(http, item, Cases.ZHANG_SAN).path("caseNo").asText());
        }
        for (String no : cases) {
            JsonNode c = Cases.awaitStatus(http, no, "APPROVED");
            long handovers = 0;
            for (JsonNode h : c.path("history")) {
                handovers += "IN_REVIEW".equals(h.path("to").asText()) ? 1 : 0;
            }
            assertEquals("handed over once: " + c.path("history"), 1, handovers);
        }
    }

    @Test
    public void forgedStaleUnknownAndRepeatedCallbacksChangeNothing() throws Exception {
        sj.configure("{\"autoDecide\":false}");
        String no = Cases.accepted(http, Cases.item(http, "SJ", 1), Cases.LI_SI).path("caseNo").asText();
        Cases.awaitStatus(http, no, "IN_REVIEW");
        String key = deliveryKey(no);
        String body = "{\"caseNo\":\"" + no + "\",\"deliveryKey\":\"" + key + "\",\"decision\":\"APPROVED\",\"resultDocument\":\"准予许可决定书\"}";
        long now = Instant.now().getEpochSecond();

        Http.Answer forged = callback(body, now, sign("not-the-shared-secret", now, body));
        assertEquals(forged.toString(), 401, forged.status);
        assertEquals("BAD_SIGNATURE", forged.code());
        assertEquals(401, callback(body, now - 3600, sign(SJ_SECRET, now - 3600, body)).status);
        assertEquals(401, callback(body, now, null).status);
        String unknownCase = body.replace(no, "441302-20000101-9999");
        assertEquals("CASE_NOT_FOUND", callback(unknownCase, now, sign(SJ_SECRET, now, unknownCase)).code());
        String otherDelivery = body.replace(key, "441302-another-delivery");
        assertEquals("UNKNOWN_DELIVERY", callback(otherDelivery, now, sign(SJ_SECRET, now, otherDelivery)).code());
        String beyond = "{\"caseNo\":\"" + no + "\",\"deliveryKey\":\"" + key + "\",\"decision\":\"SUPPLEMENT\",\"materials\":[\"M98\"]}";
        assertEquals("MATERIAL_NOT_IN_CATALOG", callback(beyond, now, sign(SJ_SECRET, now, beyond)).code());
        JsonNode before = http.get("/cases/" + no, "clerk").json();
        assertEquals("IN_REVIEW", before.path("status").asText());

        Http.Answer real = callback(body, now, sign(SJ_SECRET, now, body));
        assertEquals(real.toString(), 200, real.status);
        assertEquals("APPROVED", real.json().path("status").asText());
        int steps = http.get("/cases/" + no, "clerk").json().path("history").size();
        Http.Answer again = callback(body, now, sign(SJ_SECRET, now, body));
        assertEquals(409, again.status);
        assertEquals("ALREADY_DECIDED", again.code());
        assertEquals("a repeated callback changes nothing", steps, http.get("/cases/" + no, "clerk").json().path("history").size());
    }

    @Test
    public void anUnreachableDepartmentEndsInTheDeadLetterQueueAndIsRetriedByHand() throws Exception {
        String no = Cases.accepted(http, Cases.item(http, "TY", 1), Cases.ZHANG_SAN).path("caseNo").asText();
        JsonNode dead = awaitHandover(no, "DEAD");
        assertEquals(6, dead.path("attempts").asInt());
        assertTrue(dead.toString(), dead.path("lastError").asText().contains("unreachable"));
        String id = dead.path("id").asText();
        assertEquals(403, http.postJson("/relay/outbox/" + id + "/retry", "supervisor", "").status);
        assertEquals(403, http.get("/relay/outbox", "clerk").status);
        Http.Answer retried = http.postJson("/relay/outbox/" + id + "/retry", "admin", "");
        assertEquals(retried.toString(), 200, retried.status);
        assertEquals(0, retried.json().path("attempts").asInt());
        String status = shell("onewindow:relay-status");
        assertTrue(status, status.contains("TY") && status.contains("REMOTE"));
        assertEquals("WITHDRAWN", http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("WITHDRAWN")).json().path("status").asText());
        awaitHandover(no, "CANCELLED");
    }

    @Test
    public void withTheRelayUninstalledAcceptedCasesWaitAndFlowWhenItIsBack() throws Exception {
        shell("feature:uninstall -r onewindow-relay");
        try {
            assertEquals(404, http.get("/relay/outbox", "admin").status);
            JsonNode item = Cases.item(http, "GA", 1);
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                cases.add(Cases.accepted(http, item, Cases.LI_SI).path("caseNo").asText());
            }
            Thread.sleep(1000);
            for (String no : cases) {
                assertEquals("ACCEPTED", http.get("/cases/" + no, "clerk").json().path("status").asText());
            }
            String status = shell("onewindow:status");
            assertTrue(status, status.contains("handovers waiting") && status.contains("PENDING"));
            shell("feature:install -r onewindow-relay");
            for (String no : cases) {
                Cases.awaitStatus(http, no, "IN_REVIEW");
            }
        } finally {
            shell("feature:install -r onewindow-relay");
        }
    }

    private JsonNode awaitHandover(String caseNo, String state) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            for (JsonNode h : http.get("/relay/outbox?size=500&state=" + state, "admin").json().path("items")) {
                if (caseNo.equals(h.path("caseNo").asText())) {
                    return h;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("handover of " + caseNo + " not " + state + ": " + http.get("/relay/outbox?size=50", "admin").body);
    }

    private String deliveryKey(String caseNo) throws InterruptedException {
        return awaitHandover(caseNo, "DONE").path("deliveryKey").asText();
    }

    private Http.Answer callback(String body, long timestamp, String signature) {
        return http.callback("/relay/callback/SJ", body, String.valueOf(timestamp), signature);
    }

    private static String sign(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
