package org.onewindow.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.replication.SigningKey;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
    /** Another district the test plays, whose key must not pass for the first's. */
    private static final String FAKE2 = "441398";
    private static UnpackedAppliance hub;
    private static UnpackedAppliance a;
    private static UnpackedAppliance b;

    @BeforeClass
    public static void federate() throws Exception {
        hub = UnpackedAppliance.unpack("fed-hub", Ports.of(9681), Ports.of(9601));
        hub.replace("etc/org.onewindow.node.cfg", "role = district", "role = hub");
        hub.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = 441300");
        hub.replace("etc/org.onewindow.node.cfg", "districtName = \\u60E0\\u57CE\\u533A", "districtName = \\u60E0\\u5DDE\\u5E02");
        a = UnpackedAppliance.unpack("fed-a", Ports.of(9682), Ports.of(9602));
        // small batches, so that a kill finds the district in the middle of its backlog
        a.replace("etc/org.onewindow.replication.cfg", "batchSize = 500", "batchSize = 10");
        // 全市通办: district A's cases of the public security bureau are decided by district B
        a.replace("etc/org.onewindow.relay.department-GA.cfg", "\nmode = local", "\nmode = city\ndistrict = " + B);
        b = UnpackedAppliance.unpack("fed-b", Ports.of(9683), Ports.of(9603));
        // the halls' queue figures go to the hub every 2 s rather than 5 min
        a.replace("etc/org.onewindow.queue.cfg", "dayFiguresSeconds = 300", "dayFiguresSeconds = 2");
        b.replace("etc/org.onewindow.queue.cfg", "dayFiguresSeconds = 300", "dayFiguresSeconds = 2");
        // and the months' rating figures (好差评)
        a.replace("etc/org.onewindow.evaluation.cfg", "figuresSeconds = 300", "figuresSeconds = 2");
        b.replace("etc/org.onewindow.evaluation.cfg", "figuresSeconds = 300", "figuresSeconds = 2");
        b.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = " + B);
        b.replace("etc/org.onewindow.node.cfg", "districtName = \\u60E0\\u57CE\\u533A", "districtName = \\u60E0\\u9633\\u533A");
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a, b}) {
            node.launch();
        }
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a, b}) {
            node.http.awaitWindow(Http.BOOT);
        }
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        a.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));
        b.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));

        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            Http.Answer registered = district.http.postJson("/replication/registration", "admin", "{\"hubUrl\":\"" + Ports.local(9681) + "\"}");
            assertEquals(registered.toString(), 200, registered.status);
            assertEquals("PENDING", registered.json().path("state").asText());
        }
        // a case taken in before approval waits in the journal
        String early = Federation.openCase(a);
        assertEquals("nothing is accepted before a city administrator approves", 0, Federation.hubCases(hub.http, A).size());
        // the city administrator approves with the fingerprint district IT reads on its own appliance
        String fingerprintA = a.http.get("/replication", "admin").json().path("fingerprint").asText();
        assertEquals("the hub has the key district A made", fingerprintA, Federation.district(hub.http, A).path("fingerprint").asText());
        assertEquals(403, hub.http.postJson("/hub/districts/" + A + "/approval", "supervisor", "{\"fingerprint\":\"" + fingerprintA + "\"}").status);
        assertEquals("INVALID_FINGERPRINT", hub.http.postJson("/hub/districts/" + A + "/approval", "admin", "").code());
        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            JsonNode link = district.http.get("/replication", "admin").json();
            assertEquals(link.toString(), "Ed25519", link.path("keyAlgorithm").asText());
            String code = district == a ? A : B;
            Http.Answer approved = Federation.approve(hub.http, code, link.path("fingerprint").asText().toLowerCase());
            assertEquals(approved.toString(), 200, approved.status);
            assertEquals("APPROVED", approved.json().path("state").asText());
        }
        Federation.awaitSameCases(hub.http, a, A);
        assertTrue(Federation.hubCases(hub.http, A).containsKey(early));
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
            Federation.openCase(a);
            Federation.openCase(b);
        }
        // a change to a case travels too: the hub has each case's latest status
        String accepted = Cases.accepted(b.http, Cases.item(b.http, "GA", 1), Federation.applicant()).path("caseNo").asText();
        Federation.awaitSameCases(hub.http, a, A);
        Federation.awaitSameCases(hub.http, b, B);
        assertTrue(Federation.hubCases(hub.http, B).get(accepted), Set.of("ACCEPTED", "IN_REVIEW").contains(Federation.hubCases(hub.http, B).get(accepted)));
        JsonNode districts = hub.http.get("/hub/districts", "supervisor").json();
        for (JsonNode d : districts) {
            if (d.path("code").asText().equals(B)) {
                assertEquals(d.toString(), Federation.hubCases(hub.http, B).size(), d.path("cases").asInt());
                assertEquals(0, d.path("refusals").asInt());
            }
        }
        // licences travel too: the citywide library counts them (the cross-district test may have issued one at B)
        long before = hub.http.get("/hub/stats", "supervisor").json().path("licences").asLong();
        Http.Answer imported = a.http.postJson("/licences/import", "admin", "[{\"type\":\"RESIDENT_ID_CARD\",\"number\":\"FED-ID-1\","
                + "\"holderId\":\"" + Cases.ZHANG_SAN + "\",\"holderName\":\"张三\",\"issuerCode\":\"GA\",\"issuerName\":\"公安局\","
                + "\"issuedOn\":\"2020-01-01\"}]");
        assertEquals(imported.toString(), 200, imported.status);
        JsonNode stats = hub.http.get("/hub/stats", "supervisor").json();
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); stats.path("licences").asLong() < before + 1
                && System.nanoTime() < end; stats = hub.http.get("/hub/stats", "supervisor").json()) {
            Thread.sleep(200);
        }
        assertEquals(stats.toString(), before + 1, stats.path("licences").asLong());
        assertTrue(stats.toString(), stats.path("cases").asLong() >= 12);
        assertTrue(stats.toString(), stats.path("byChannel").path("WINDOW").asLong() >= 12);
        assertEquals(403, hub.http.get("/hub/stats", "clerk").status);
    }

    @Test
    public void districtItAndCityAdministratorsSeeTheFederationInTheShell() throws Exception {
        String districts = hub.client("onewindow:districts");
        assertTrue(districts, districts.contains(A) && districts.contains(B) && districts.contains("APPROVED"));
        String status = a.client("onewindow:replication-status");
        assertTrue(status, status.contains(Ports.local(9681)) && status.contains("APPROVED") && status.contains("backlog"));
        String notAHub = a.client("onewindow:districts");
        assertTrue("a district has no hub commands: " + notAHub, !notAHub.contains(B));
        // district IT reads its key's fingerprint; the city administrator finds the same at the hub and approves with it
        String fingerprintA = a.http.get("/replication", "admin").json().path("fingerprint").asText();
        assertTrue(status, status.contains(fingerprintA));
        assertTrue(districts, districts.contains(fingerprintA));
        SigningKey shellDistrict = Federation.newKey("441396");
        assertEquals(200, Federation.register(hub.http, shellDistrict, "壳区").status);
        String refused = hub.client("onewindow:district-approve 441396 " + Federation.newKey("441396").fingerprint());
        assertTrue(refused, refused.contains("不符") && Federation.district(hub.http, "441396").path("state").asText().equals("PENDING"));
        String approved = hub.client("onewindow:district-approve 441396 " + shellDistrict.fingerprint());
        assertTrue(approved, approved.contains("APPROVED") && approved.contains(shellDistrict.fingerprint()));
        String notSecurity = hub.client("onewindow:district-replace-key 441396 " + shellDistrict.fingerprint());
        assertEquals("the administrator does not replace keys: " + notSecurity, shellDistrict.fingerprint(),
                Federation.district(hub.http, "441396").path("fingerprint").asText());
    }

    @Test
    public void aHubKilledAndStartedAgainReceivesTheBacklogExactlyOnce() throws Exception {
        hub.kill();
        // the districts go on without the hub: intake, acceptance
        for (int i = 0; i < 15; i++) {
            Federation.openCase(a);
            Federation.openCase(b);
        }
        assertTrue("the backlog waits in the journal", a.http.get("/replication", "admin").json().path("backlog").asLong() > 0);
        hub.launch();
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(120));
        Federation.awaitSameCases(hub.http, a, A);
        Federation.awaitSameCases(hub.http, b, B);
    }

    /**
     * A record of district A's audit trail changed on A's disk before it was shipped (A and the hub stopped, as an
     * intruder with the disk would): the hub refuses A's trail from that record, logs it once, shows it for A and tells
     * A, while A's cases still replicate; once a security administrator accepts the break, A's trail flows again.
     */
    @Test
    public void aDistrictWhoseAuditChainBreaksIsRefusedThereLoggedAndShown() throws Exception {
        String caseNo = Federation.openCase(a);
        JsonNode intact = awaitTrail(d -> d.path("auditBreak").isMissingNode() && d.path("auditSeq").asLong() > 0
                && d.path("auditSeq").asLong() == a.http.get("/replication", "admin").json().path("auditShipped").asLong(), "A's trail at the hub");
        assertTrue(intact.toString(), intact.path("auditSeq").asLong() > 0);

        hub.kill();
        // what A writes from now on waits for the hub: a record of it is changed on A's disk before it can be shipped
        JsonNode link = a.http.get("/replication", "admin").json();
        long last = link.path("auditShipped").asLong() + link.path("auditBacklog").asLong();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, a.http.get("/cases/" + caseNo, "clerk").status);
        }
        long target = last + 3;
        a.kill();
        String url = "jdbc:derby:" + a.home.resolve("data/onewindow/derby");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.PreparedStatement s = c.prepareStatement("UPDATE AUDIT_RECORD SET DETAIL = 'nothing happened' WHERE SEQ = ?")) {
            s.setLong(1, target);
            assertEquals("record #" + target + " waits to be shipped", 1, s.executeUpdate());
        } finally {
            try {
                java.sql.DriverManager.getConnection(url + ";shutdown=true");
            } catch (java.sql.SQLException shutDown) {
                // Derby says so by an exception
            }
        }
        a.launch();
        hub.launch();
        a.http.awaitWindow(Http.BOOT);
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(120));

        JsonNode refused = awaitTrail(d -> d.path("auditBreak").asText().startsWith("#" + target + " CHANGED"), "the break at #" + target);
        assertEquals("kept up to the record before", target - 1, refused.path("auditSeq").asLong());
        String local = a.client("onewindow:audit-verify");
        assertTrue(local, local.contains("BROKEN at #" + target + ": CHANGED"));
        assertTrue("A is told", a.http.get("/replication", "admin").json().path("auditBreak").asText().startsWith("#" + target));
        // the cases go on replicating
        Federation.openCase(a);
        Federation.awaitSameCases(hub.http, a, A);
        Thread.sleep(2000);
        List<String> broken = new ArrayList<>();
        for (JsonNode e : hub.http.get("/hub/events?district=" + A + "&size=200", "auditor").json()) {
            if (e.path("event").asText().equals("AUDIT_CHAIN_BROKEN")) {
                broken.add(e.path("detail").asText());
            }
        }
        assertEquals("logged once, however often A sends it: " + broken, 1, broken.size());
        assertTrue(broken.get(0), broken.get(0).contains("#" + target + " CHANGED"));
        String shown = hub.client("onewindow:districts");
        assertTrue(shown, shown.contains("REFUSED from #" + target));

        assertEquals(403, hub.http.postJson("/hub/districts/" + A + "/audit-break-acceptance", "admin", "{\"seq\":" + target + "}").status);
        assertEquals("NO_SUCH_BREAK", hub.http.postJson("/hub/districts/" + A + "/audit-break-acceptance", "security",
                "{\"seq\":" + (target + 1) + "}").code());
        assertEquals(200, hub.http.postJson("/hub/districts/" + A + "/audit-break-acceptance", "security", "{\"seq\":" + target + "}").status);
        awaitTrail(d -> d.path("auditBreak").isMissingNode() && d.path("auditSeq").asLong() > target, "A's trail taken again");
        // A learns it from the hub's answer to that batch, a moment after the hub has committed it
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode told = a.http.get("/replication", "admin").json();
        while (!told.path("auditBreak").isMissingNode() && System.nanoTime() < end) {
            Thread.sleep(200);
            told = a.http.get("/replication", "admin").json();
        }
        assertTrue("A is told the break is crossed: " + told, told.path("auditBreak").isMissingNode());
    }

    /** District A as the hub lists it, once {@code check} holds (within 60 s). */
    private static JsonNode awaitTrail(java.util.function.Predicate<JsonNode> check, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode d = null;
        while (System.nanoTime() < end) {
            d = Federation.district(hub.http, A);
            if (check.test(d)) {
                return d;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " not within 60 s: " + d);
    }

    @Test
    public void aCrossDistrictCaseFromAIsDecidedAtBAndPickedUpAtA() throws Exception {
        JsonNode item = Cases.item(a.http, "GA", 1);
        List<String> required = new ArrayList<>();
        item.path("materials").forEach(m -> {
            if (m.path("required").asBoolean()) {
                required.add(m.path("code").asText());
            }
        });
        String applicant = Federation.applicant();
        Http.Answer opened = a.http.postJson("/cases", "clerk", Cases.open(item.path("code").asText(), applicant, required.toArray(new String[0])));
        assertEquals(opened.toString(), 201, opened.status);
        String no = opened.json().path("caseNo").asText();
        byte[] scan = Cases.png("户口簿首页 " + no);
        assertEquals(201, a.http.upload("/cases/" + no + "/materials", "clerk", new String[] {"hukou.png"}, new byte[][] {scan}).status);
        JsonNode accepted = a.http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED")).json();
        String pickupCode = accepted.path("pickupCode").asText();
        String deadline = accepted.path("timeLimit").path("deadline").asText();

        // through the hub into B's back office, with A's number, A's deadline and A's scans; A's history shows each hop
        JsonNode atB = Federation.awaitCase(b, no, c -> "IN_REVIEW".equals(c.path("status").asText()), "under review at B");
        assertEquals(A, atB.path("originDistrict").asText());
        assertEquals(deadline, atB.path("timeLimit").path("deadline").asText());
        // the same applicant (the case API masks the number for staff; B's relay and hand-out read it whole)
        assertEquals(Cases.masked(applicant), atB.path("applicant").path("idNumber").asText());
        assertTrue("no pickup code leaves A", atB.path("pickupCode").isNull() || atB.path("pickupCode").isMissingNode());
        JsonNode scans = b.http.get("/cases/" + no + "/materials", "reviewer").json();
        assertEquals(scans.toString(), 1, scans.size());
        assertEquals(a.http.get("/cases/" + no + "/materials", "clerk").json().get(0).path("sha256"), scans.get(0).path("sha256"));
        boolean queued = false;
        for (JsonNode c : b.http.get("/review/queue?department=GA&size=200", "reviewer").json().path("items")) {
            queued |= c.path("caseNo").asText().equals(no);
        }
        assertTrue("in B's review queue", queued);
        Http.Answer notHere = b.http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("WITHDRAWN"));
        assertEquals(notHere.toString(), 409, notHere.status);
        assertEquals("FOREIGN_CASE", notHere.json().path("code").asText());
        JsonNode atA = Federation.awaitCase(a, no, c -> Federation.notes(c).stream().anyMatch(n -> n.startsWith(B + " 已接收")), "received at B");
        assertEquals("IN_REVIEW", atA.path("status").asText());
        assertEquals("CITY", atA.path("route").asText());
        assertTrue(Federation.notes(atA).toString(), Federation.notes(atA).stream().anyMatch(n -> n.contains("经市级枢纽转异地审批")));
        assertEquals("A's reviewers do not decide it", 409, a.http.postJson("/cases/" + no + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"户口迁移证\"}").status);

        // B extends the time limit: A's clock, and so A's supervision, follows
        Http.Answer extension = b.http.postJson("/cases/" + no + "/extension", "reviewer",
                "{\"days\":3,\"reason\":\"需现场核查\",\"approvedBy\":\"王局长\"}");
        assertEquals(extension.toString(), 200, extension.status);
        String extendedTo = extension.json().path("timeLimit").path("deadline").asText();
        JsonNode followed = Federation.awaitCase(a, no, c -> extendedTo.equals(c.path("timeLimit").path("deadline").asText()), "extended at A");
        assertEquals(3, followed.path("timeLimit").path("extendedDays").asInt());

        // B decides; the decision comes back to A, where the applicant picks the result up
        Http.Answer decided = b.http.postJson("/cases/" + no + "/decision", "reviewer", "{\"outcome\":\"APPROVED\",\"resultDocument\":\"户口迁移证\"}");
        assertEquals(decided.toString(), 200, decided.status);
        JsonNode approved = Federation.awaitCase(a, no, c -> "APPROVED".equals(c.path("status").asText()), "approved at A");
        assertEquals("户口迁移证", approved.path("decision").path("resultDocument").asText());
        assertTrue(Federation.notes(approved).toString(), Federation.notes(approved).stream().anyMatch(n -> n.contains("由 " + B + " 审批")));
        assertEquals(200, a.http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("READY_FOR_PICKUP")).status);
        Http.Answer picked = a.http.postJson("/cases/" + no + "/transitions", "clerk", "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + pickupCode + "\"}");
        assertEquals(picked.toString(), 200, picked.status);
        assertEquals("B keeps its decision; the result left from A", "APPROVED", b.http.get("/cases/" + no, "supervisor").json().path("status").asText());

        // each hop once: the handover, B's receipt and B's decision, all delivered; the hub's index has A's case, handed out
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (JsonNode m : hub.http.get("/hub/messages?district=" + A + "&size=1000", "supervisor").json()) {
            if (m.path("caseNo").asText().equals(no)) {
                kinds.merge(m.path("kind").asText(), 1, Integer::sum);
                assertTrue(m.toString(), m.hasNonNull("deliveredAt"));
            }
        }
        assertEquals(Map.of("DECISION", 1, "EXTENSION", 1, "HANDOVER", 1, "RECEIPT", 1), kinds);
        Federation.awaitSameCases(hub.http, a, A);
        assertEquals("DELIVERED", Federation.hubCases(hub.http, A).get(no));
        assertTrue("B's own cases at the hub do not include A's", !Federation.hubCases(hub.http, B).containsKey(no));
        // the case's own entry in the index by its number: where it is and how far it got, nothing about its applicant
        JsonNode entry = hub.http.get("/hub/cases/" + no, "supervisor").json();
        assertEquals(entry.toString(), A, entry.path("district").asText());
        assertEquals("DELIVERED", entry.path("status").asText());
        assertTrue(entry.toString(), !entry.has("applicant") && !entry.has("payload"));
        assertEquals(404, hub.http.get("/hub/cases/" + A + "-20991231-0001", "supervisor").status);
        assertEquals(403, hub.http.get("/hub/cases/" + no, "clerk").status);

        // files on demand: the city asks A for the case's scan, and reads it; the read is logged
        assertEquals(403, hub.http.postJson("/hub/cases/" + no + "/file-requests", "clerk", "").status);
        Http.Answer asked = hub.http.postJson("/hub/cases/" + no + "/file-requests", "supervisor", "");
        assertEquals(asked.toString(), 200, asked.status);
        JsonNode fetched = asked.json();
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); fetched.path("files").size() == 0 && System.nanoTime() < end;
                fetched = hub.http.get("/hub/cases/" + no + "/files", "supervisor").json()) {
            Thread.sleep(200);
        }
        assertEquals(fetched.toString(), 1, fetched.path("files").size());
        String path = "/hub/cases/" + no + "/files/" + fetched.path("files").get(0).path("id").asText();
        Http.Answer file = hub.http.get(path, "supervisor");
        assertEquals(200, file.status);
        assertEquals("image/png", file.contentType);
        assertArrayEquals("the very scan taken in at A", scan, hub.http.getBytes(path, "supervisor"));
        boolean logged = false;
        for (JsonNode e : hub.http.get("/hub/events?district=" + A + "&size=50", "supervisor").json()) {
            logged |= "FILE_READ".equals(e.path("event").asText()) && e.path("detail").asText().contains(no);
        }
        assertTrue("the read is logged at the hub", logged);
    }

    @Test
    public void aSupplementAskedAtBIsBroughtToAAndBsDenialComesBack() throws Exception {
        JsonNode item = Cases.item(a.http, "GA", 1);
        String listed = item.path("materials").get(0).path("code").asText();
        String no = Cases.accepted(a.http, item, Federation.applicant()).path("caseNo").asText();
        Federation.awaitCase(b, no, c -> "IN_REVIEW".equals(c.path("status").asText()), "under review at B");
        Http.Answer asked = b.http.postJson("/cases/" + no + "/supplement", "reviewer", "{\"materials\":[\"" + listed + "\"]}");
        assertEquals(asked.toString(), 200, asked.status);

        // A's window learns what to ask the applicant for, and its clock stops
        JsonNode atA = Federation.awaitCase(a, no, c -> "SUPPLEMENT_REQUESTED".equals(c.path("status").asText()), "awaiting a supplement at A");
        assertEquals(listed, atA.path("supplementMaterials").get(0).asText());
        assertTrue(atA.toString(), atA.path("timeLimit").hasNonNull("suspendedSince"));
        Http.Answer notAtB = b.http.postJson("/cases/" + no + "/received-materials", "clerk", "{\"materials\":[\"" + listed + "\"]}");
        assertEquals("the supplement is handed in where the case was accepted", "FOREIGN_CASE", notAtB.code());
        assertEquals(200, a.http.postJson("/cases/" + no + "/received-materials", "clerk", "{\"materials\":[\"" + listed + "\"]}").status);
        assertEquals(200, a.http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("IN_REVIEW")).status);

        // B's review resumes with A's deadline, and B's denial comes back to A
        JsonNode resumed = Federation.awaitCase(b, no, c -> "IN_REVIEW".equals(c.path("status").asText())
                && Federation.notes(c).stream().anyMatch(n -> n.startsWith("补正材料已在 " + A)), "resumed at B");
        assertEquals(a.http.get("/cases/" + no, "supervisor").json().path("timeLimit").path("deadline"), resumed.path("timeLimit").path("deadline"));
        assertEquals(200, b.http.postJson("/cases/" + no + "/decision", "reviewer",
                "{\"outcome\":\"DENIED\",\"reason\":\"不符合迁入条件\",\"legalBasis\":\"《户口登记条例》第十条\"}").status);
        JsonNode denied = Federation.awaitCase(a, no, c -> "DENIED".equals(c.path("status").asText()), "denied at A");
        assertEquals("不符合迁入条件", denied.path("decision").path("reason").asText());
        assertEquals("《户口登记条例》第十条", denied.path("decision").path("legalBasis").asText());

        Map<String, Integer> kinds = new java.util.TreeMap<>();
        for (JsonNode m : hub.http.get("/hub/messages?district=" + B + "&size=1000", "supervisor").json()) {
            if (m.path("caseNo").asText().equals(no)) {
                kinds.merge(m.path("kind").asText(), 1, Integer::sum);
            }
        }
        assertEquals("two deliveries, each received and answered once", Map.of("DECISION", 2, "HANDOVER", 2, "RECEIPT", 2), kinds);
    }

    @Test
    public void aCaseWithdrawnAtALeavesBsBackOffice() throws Exception {
        String no = Cases.accepted(a.http, Cases.item(a.http, "GA", 1), Federation.applicant()).path("caseNo").asText();
        Federation.awaitCase(b, no, c -> "IN_REVIEW".equals(c.path("status").asText()), "under review at B");
        Federation.awaitCase(a, no, c -> "IN_REVIEW".equals(c.path("status").asText()), "handed over at A");
        Http.Answer withdrawn = a.http.postJson("/cases/" + no + "/transitions", "clerk", "{\"to\":\"WITHDRAWN\",\"note\":\"申请人撤回\"}");
        assertEquals(withdrawn.toString(), 200, withdrawn.status);
        JsonNode atB = Federation.awaitCase(b, no, c -> "WITHDRAWN".equals(c.path("status").asText()), "withdrawn at B");
        assertTrue(Federation.notes(atB).toString(), Federation.notes(atB).stream().anyMatch(n -> n.contains("撤回")));
        for (JsonNode c : b.http.get("/review/queue?department=GA&size=200", "reviewer").json().path("items")) {
            assertTrue("gone from B's queue", !c.path("caseNo").asText().equals(no));
        }
        assertEquals("nothing left to decide at B", 409, b.http.postJson("/cases/" + no + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"户口迁移证\"}").status);
    }

    @Test
    public void aDistrictKilledWhileShippingLosesAndDoublesNothing() throws Exception {
        hub.kill();
        for (int i = 0; i < 300; i++) {
            Federation.openCase(a);
        }
        Map<String, String> before = Federation.districtCases(a, A);
        hub.launch();
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(120));
        // batches of 10: kill the district as soon as the hub has some of the backlog, with most still to ship
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int atHub = 0;
        while (System.nanoTime() < end) {
            atHub = Federation.hubCases(hub.http, A).size();
            if (atHub > before.size() - 300) {
                break;
            }
            Thread.sleep(20);
        }
        a.kill();
        assertTrue("killed in the middle: " + atHub + " of " + before.size(), atHub < before.size());
        a.launch();
        a.http.awaitWindow(Http.BOOT);
        Federation.awaitSameCases(hub.http, a, A);
        assertEquals(before, Federation.districtCases(a, A));
    }

    @Test
    public void theCitysCatalogIsPulledAndALocalChangeIsReportedNotOverwritten() {
        assertEquals(404, b.http.get("/replication/catalog-pull", "admin").status);
        assertEquals(200, hub.http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("CITY-001", "全市统一事项", 5))).status);
        JsonNode first = a.http.postJson("/replication/catalog-pull", "admin", "").json();
        assertEquals(first.toString(), List.of("CITY-001"), names(first.path("imported")));
        assertEquals("the demo catalog is the same at the hub", first.path("cityItems").asInt() - 1, first.path("unchanged").asInt());
        assertEquals("全市统一事项", a.http.get("/catalog/items/CITY-001", "clerk").json().path("name").asText());

        assertEquals(200, a.http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("CITY-001", "本区自行修改", 5))).status);
        JsonNode second = a.http.postJson("/replication/catalog-pull", "admin", "").json();
        assertEquals(second.toString(), List.of("CITY-001"), names(second.path("localChanges")));
        assertEquals(List.of(), names(second.path("imported")));
        assertEquals("kept", "本区自行修改", a.http.get("/catalog/items/CITY-001", "clerk").json().path("name").asText());

        assertEquals(200, hub.http.postJson("/catalog/items", "admin", CatalogFiles.array(CatalogFiles.item("CITY-001", "全市新版", 5))).status);
        JsonNode third = a.http.postJson("/replication/catalog-pull", "admin", "").json();
        assertEquals(third.toString(), List.of("CITY-001"), names(third.path("imported")));
        assertEquals("the city's new version is the standard", "全市新版", a.http.get("/catalog/items/CITY-001", "clerk").json().path("name").asText());
        assertEquals(403, a.http.postJson("/replication/catalog-pull", "supervisor", "").status);
    }

    @Test
    public void aClerkAtOneDistrictVerifiesALicenceHeldAtAnotherThroughTheHub() throws Exception {
        Http.Answer imported = b.http.postJson("/licences/import", "admin", "[{\"type\":\"BUSINESS_LICENCE\",\"number\":\"FED-B-BL-1\","
                + "\"holderIdType\":\"CREDIT_CODE\",\"holderId\":\"91350100M000100Y43\",\"holderName\":\"某某商行\","
                + "\"issuerCode\":\"SJ\",\"issuerName\":\"惠阳区市场监督管理局\",\"issuedOn\":\"2021-03-01\"}]");
        assertEquals(imported.toString(), 200, imported.status);
        String path = "/licences/BUSINESS_LICENCE/FED-B-BL-1?purpose=" + URLEncoder.encode("跨区核验营业执照", StandardCharsets.UTF_8);
        Http.Answer found = a.http.get(path, "clerk");
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); found.status == 404 && System.nanoTime() < end;
                found = a.http.get(path, "clerk")) {
            Thread.sleep(250);
        }
        assertEquals(found.toString(), 200, found.status);
        assertEquals("held at the other district", B, found.json().path("heldAt").asText());
        assertEquals("VALID", found.json().path("status").asText());
        assertEquals("营业执照", found.json().path("typeName").asText());

        // the read is logged at both ends: the asking district's access log and the hub's events
        JsonNode log = a.http.get("/licences/access?holder=91350100M000100Y43", "auditor").json();
        assertEquals(log.toString(), "CITY_VERIFY", log.get(0).path("action").asText());
        assertEquals("跨区核验营业执照", log.get(0).path("purpose").asText());
        JsonNode events = hub.http.get("/hub/events?district=" + A, "supervisor").json();
        assertTrue(events.toString(), events.get(0).path("event").asText().equals("LICENCE_READ")
                && events.get(0).path("detail").asText().contains("FED-B-BL-1 held at " + B));

        Http.Answer none = a.http.get("/licences/BUSINESS_LICENCE/NOWHERE-1?purpose=x", "clerk");
        assertEquals(none.toString(), 404, none.status);
        assertEquals("LICENCE_NOT_FOUND", none.code());
        assertEquals("a read needs a purpose, at the hub too", 400, a.http.get("/licences/BUSINESS_LICENCE/FED-B-BL-1", "clerk").status);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    public void theCityRanksTheHallsAndDepartmentsRatingsAsTheDistrictsCountedThem() throws Exception {
        // district A's citizens rate two acceptances (5 and 4), district B's one (2, a bad rating)
        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            int[] levels = district == a ? new int[] {5, 4} : new int[] {2};
            for (int i = 0; i < levels.length; i++) {
                String id = Citizens.idNumber(district == a ? "19700707" : "19710707", 60 + i);
                String caseNo = Cases.accepted(district.http, Cases.item(district.http, "RS", 1), id).path("caseNo").asText();
                String path = "/public/evaluation/cases/" + caseNo + "/ratings?idSuffix=" + id.substring(12);
                String body = "{\"stage\":\"ACCEPTANCE\",\"level\":" + levels[i] + (levels[i] <= 2 ? ",\"reasons\":[\"SLOW\"]" : "") + "}";
                Http.Answer rated = district.http.exchange("POST", path, Map.of(), body);
                for (long end = System.nanoTime() + Duration.ofSeconds(15).toNanos(); "NOTHING_TO_RATE".equals(rated.code())
                        && System.nanoTime() < end; rated = district.http.exchange("POST", path, Map.of(), body)) {
                    Thread.sleep(1000); // the stage is rated once the evaluation read the acceptance from the journal
                }
                assertEquals(rated.toString(), 200, rated.status);
            }
        }
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Map<String, JsonNode> own = new java.util.HashMap<>();
        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            own.put(district == a ? A : B, district.http.get("/evaluation/figures?by=DEPARTMENT&from=" + month + "-01&to=" + today, "supervisor")
                    .json().path("total"));
        }
        JsonNode city = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < end; Thread.sleep(500)) {
            city = hub.http.get("/hub/ratings?month=" + month, "supervisor").json();
            Map<String, JsonNode> atHub = new java.util.HashMap<>();
            city.path("halls").forEach(h -> atHub.put(h.path("district").asText(), h.path("total")));
            if (own.equals(atHub)) {
                break;
            }
        }
        assertEquals(city.toString(), 2, city.path("halls").size());
        assertEquals("the hall rated 5 and 4 ranks first", A, city.path("halls").get(0).path("district").asText());
        for (JsonNode h : city.path("halls")) {
            assertEquals("the hub holds what the hall counted", own.get(h.path("district").asText()), h.path("total"));
        }
        JsonNode rs = null;
        for (JsonNode d : city.path("departments")) {
            rs = "RS".equals(d.path("code").asText()) ? d : rs;
        }
        assertEquals(String.valueOf(rs), own.get(A).path("ratings").asLong() + own.get(B).path("ratings").asLong(), rs.path("ratings").asLong());
        assertEquals(2, rs.path("halls").asInt());
        assertEquals(1, rs.path("bad").asLong());
        assertEquals("INVALID_MONTH", hub.http.get("/hub/ratings?month=12-2026", "supervisor").code());
        assertEquals(403, hub.http.get("/hub/ratings", "clerk").status);
    }

    @Test
    public void theCityBoardShowsTheDistrictsAndTheirReplication() throws Exception {
        // each hall gives numbers and serves one; the hub's figures of the day are each district's own
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            for (int i = 0; i < (district == a ? 3 : 2); i++) {
                assertEquals(200, district.http.exchange("POST", "/public/queue/tickets", Map.of(), "{\"group\":\"BUSINESS\"}").status);
            }
            assertEquals(200, district.http.post("/queue/windows/8/sign-in", "clerk", "application/json", new byte[0]).status);
            assertEquals(200, district.http.post("/queue/window/call", "clerk", "application/json", new byte[0]).status);
            assertEquals(200, district.http.post("/queue/window/finish", "clerk", "application/json", new byte[0]).status);
        }
        Map<String, JsonNode> atHub = new java.util.HashMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            atHub.clear();
            for (JsonNode d : hub.http.get("/hub/queue-days?day=" + today, "supervisor").json()) {
                atHub.put(d.path("district").asText(), d.path("figures"));
            }
            if (atHub.containsKey(A) && atHub.get(A).path("taken").asInt() == 3 && atHub.containsKey(B)
                    && atHub.get(B).path("served").asInt() == 1) {
                break;
            }
            Thread.sleep(500);
        }
        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            JsonNode own = district.http.get("/queue/reports?from=" + today + "&to=" + today, "supervisor").json().path("days").get(0);
            assertEquals("the hub holds what the hall counted", own, atHub.get(district == a ? A : B));
        }
        assertEquals("INVALID_DAY", hub.http.get("/hub/queue-days?day=yesterday", "supervisor").code());
        assertEquals(403, hub.http.get("/hub/queue-days?day=" + today, "clerk").status);

        WebDriver browser = Browsers.chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            Browsers.signIn(browser, wait, Ports.local(9681) + "/console/", "supervisor", "supervisor-demo");
            // the hub's supervisor starts on the citywide board
            wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-district='" + A + "'] td.state"), "已联网"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-district='" + B + "'] td.state"), "已联网"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#city-chart canvas")));
            // what the hub carries between districts: a table, or the line saying nothing is in transit
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#city-messages table, #city-messages p")));
            assertTrue("an inbox count per district", browser.findElements(By.cssSelector("#districts td.inbox")).size() >= 2);
            assertTrue("no buttons for a supervisor", browser.findElements(By.cssSelector("button.revocation")).isEmpty());
            // the halls' queues today, side by side
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#city-queue tr[data-district='" + A + "'] td.taken"), "3"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#city-queue tr[data-district='" + B + "'] td.taken"), "2"));
            Browsers.screenshot(browser, "city-board");
        } finally {
            browser.quit();
        }
    }

    @Test
    public void theCityBoardRanksTheHallsRatings() throws Exception {
        // a citizen of each hall rates an acceptance 非常满意 at the kiosk, of RS as the ranking test's ratings are (whichever runs
        // first, its department's counts stay the halls' sums, and district A's hall stays ahead)
        Map<UnpackedAppliance, String> ratingPaths = new java.util.LinkedHashMap<>();
        for (UnpackedAppliance district : new UnpackedAppliance[] {a, b}) {
            String id = Citizens.idNumber(district == a ? "19720707" : "19730707", 70);
            String caseNo = Cases.accepted(district.http, Cases.item(district.http, "RS", 1), id).path("caseNo").asText();
            ratingPaths.put(district, "/public/evaluation/cases/" + caseNo + "/ratings?idSuffix=" + id.substring(12));
        }
        Thread.sleep(3000); // the evaluation reads the acceptances from the journal (caseWatchSeconds 2): few look-ups at the kiosk
        for (Map.Entry<UnpackedAppliance, String> c : ratingPaths.entrySet()) {
            String path = c.getValue();
            String body = "{\"stage\":\"ACCEPTANCE\",\"level\":5}";
            Http.Answer rated = c.getKey().http.exchange("POST", path, Map.of(), body);
            for (long end = System.nanoTime() + Duration.ofSeconds(15).toNanos(); "NOTHING_TO_RATE".equals(rated.code())
                    && System.nanoTime() < end; rated = c.getKey().http.exchange("POST", path, Map.of(), body)) {
                Thread.sleep(1000);
            }
            assertEquals(rated.toString(), 200, rated.status);
        }
        // the months' figures reach the hub (figuresSeconds 2)
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Map<String, String> names = new java.util.HashMap<>();
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); names.size() < 2 && System.nanoTime() < end; Thread.sleep(500)) {
            names.clear();
            for (JsonNode h : hub.http.get("/hub/ratings?month=" + month, "supervisor").json().path("halls")) {
                if (h.path("total").path("ratings").asLong() >= 1) {
                    names.put(h.path("district").asText(), h.path("districtName").asText());
                }
            }
        }
        assertEquals(names.toString(), Set.of(A, B), names.keySet());

        WebDriver browser = Browsers.chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            Browsers.signIn(browser, wait, Ports.local(9681) + "/console/", "supervisor", "supervisor-demo");
            // 各区好差评 on the citywide board: the latest month, both halls ranked, the departments, the chart
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("city-ratings")));
            for (String d : List.of(A, B)) {
                By row = By.cssSelector("#city-ratings tr[data-district='" + d + "']");
                wait.until(ExpectedConditions.textToBe(By.cssSelector("#city-ratings tr[data-district='" + d + "'] td.district-name"), names.get(d)));
                int ratings = Integer.parseInt(browser.findElement(row).findElement(By.cssSelector("td.ratings")).getText().trim());
                assertTrue("the hall's ratings: " + ratings, ratings >= 1);
                assertTrue(browser.findElement(row).getAttribute("data-rank").matches("[12]"));
            }
            assertEquals(2, browser.findElements(By.cssSelector("#city-ratings-halls tbody tr")).size());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#city-ratings tr[data-department=RS]")));
            assertEquals(month, new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("city-ratings-month")))
                    .getFirstSelectedOption().getAttribute("value"));
            assertTrue(browser.findElement(By.id("city-ratings")).getText().contains("满意率"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#city-ratings-chart canvas")));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("city-ratings")));
            Browsers.screenshot(browser, "city-ratings");
        } finally {
            browser.quit();
        }
    }

    @Test
    public void aSecondRegistrationOfATakenCodeIsRefusedAndTheFirstDistrictStaysTheOwner() throws Exception {
        // the tester's finding: the real district registers, someone else registers the same code with a key of
        // their own; before, the last one to register owned the district
        String code = "441381";
        SigningKey real = Federation.newKey(code);
        SigningKey attacker = Federation.newKey(code, "ECDSA-P256");
        Http.Answer first = Federation.register(hub.http, real, "博罗县");
        assertEquals(first.toString(), 200, first.status);
        assertEquals(real.fingerprint(), first.json().path("fingerprint").asText());
        Http.Answer hijack = Federation.register(hub.http, attacker, "博罗县");
        assertEquals(hijack.toString(), 409, hijack.status);
        assertEquals("DISTRICT_EXISTS", hijack.code());
        JsonNode pending = Federation.district(hub.http, code);
        assertEquals("PENDING", pending.path("state").asText());
        assertEquals(real.fingerprint(), pending.path("fingerprint").asText());
        assertEquals(attacker.fingerprint(), pending.path("candidates").get(0).path("fingerprint").asText());
        JsonNode refused = hub.http.get("/hub/events?district=" + code, "supervisor").json().get(0);
        assertEquals("REGISTRATION_REFUSED", refused.path("event").asText());
        assertTrue(refused.toString(), refused.path("detail").asText().contains(attacker.fingerprint()));

        // the city administrator compares with what district IT reads out: the attacker's fingerprint is refused
        Http.Answer wrong = Federation.approve(hub.http, code, attacker.fingerprint());
        assertEquals(wrong.toString(), 409, wrong.status);
        assertEquals("FINGERPRINT_MISMATCH", wrong.code());
        assertEquals("PENDING", Federation.district(hub.http, code).path("state").asText());
        assertEquals(200, Federation.approve(hub.http, code, real.fingerprint()).status);
        JsonNode state = Federation.registration(hub.http, real).json();
        assertEquals(state.toString(), "APPROVED", state.path("state").asText());
        assertTrue("no key is handed out any more", !state.has("key"));
        Http.Answer asked = Federation.registration(hub.http, attacker);
        assertEquals(asked.toString(), "KEY_NOT_REGISTERED", asked.code());
        String batch = Federation.batch(code, 1, code + "-20261128-0001");
        assertEquals(401, Federation.ship(hub.http, attacker, batch).status);
        assertEquals(200, Federation.ship(hub.http, real, batch).status);
        assertEquals("DISTRICT_EXISTS", Federation.register(hub.http, attacker, "博罗县").code());

        // and against a real appliance, approved and replicating: it keeps replicating and stays the owner
        String fingerprintA = a.http.get("/replication", "admin").json().path("fingerprint").asText();
        Http.Answer againstA = Federation.register(hub.http, Federation.newKey(A), "惠城区");
        assertEquals(againstA.toString(), "DISTRICT_EXISTS", againstA.code());
        Federation.openCase(a);
        Federation.awaitSameCases(hub.http, a, A);
        JsonNode stillA = Federation.district(hub.http, A);
        assertEquals("APPROVED", stillA.path("state").asText());
        assertEquals(fingerprintA, stillA.path("fingerprint").asText());
        assertEquals("APPROVED", a.http.get("/replication", "admin").json().path("state").asText());
    }

    @Test
    public void anAdministratorApprovesOnTheCityBoardOnlyWithTheFingerprintDistrictItReadOut() throws Exception {
        String code = "441395";
        SigningKey key = Federation.newKey(code);
        assertEquals(200, Federation.register(hub.http, key, "龙门县").status);
        assertEquals("DISTRICT_EXISTS", Federation.register(hub.http, Federation.newKey(code), "龙门县").code());
        WebDriver browser = Browsers.chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            Browsers.signIn(browser, wait, Ports.local(9681) + "/console/#/city", "admin", "admin-demo");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-district='" + code + "'] button.approval"))).click();
            By input = By.cssSelector("input.fingerprint-input[data-district='" + code + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(input)).sendKeys(Federation.newKey(code).fingerprint());
            browser.findElement(By.cssSelector("tr[data-district='" + code + "'] button.approval-confirm")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-district='" + code + "'] .error"), "不符"));
            assertEquals("PENDING", Federation.district(hub.http, code).path("state").asText());
            // the refused registration is on the board, with its fingerprint
            assertTrue(browser.findElement(By.id("key-candidates")).getText(), browser.findElement(By.id("key-candidates")).getText().contains(code));
            browser.findElement(input).clear();
            browser.findElement(input).sendKeys(key.fingerprint().toLowerCase());
            browser.findElement(By.cssSelector("tr[data-district='" + code + "'] button.approval-confirm")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-district='" + code + "'] td.state"), "已联网"));
            assertEquals(key.fingerprint(), browser.findElement(By.cssSelector("tr[data-district='" + code + "'] td.fingerprint")).getText()
                    .replace("Ed25519 ", ""));
        } finally {
            browser.quit();
        }
        assertEquals("APPROVED", Federation.district(hub.http, code).path("state").asText());
    }

    @Test
    public void forgedReplayedForeignAndRevokedRequestsAreRefused() throws Exception {
        SigningKey key = Federation.newKey(FAKE);
        // a registration must be signed by the key it registers (proof of possession)
        Http.Answer unproven = Federation.registerSignedBy(hub.http, key, Federation.newKey(FAKE), "测试区");
        assertEquals(unproven.toString(), 401, unproven.status);
        assertEquals("BAD_SIGNATURE", unproven.code());
        Http.Answer registered = Federation.register(hub.http, key, "测试区");
        assertEquals(registered.toString(), 200, registered.status);
        assertEquals(200, Federation.approve(hub.http, FAKE, key.fingerprint()).status);
        SigningKey other = Federation.newKey(FAKE2);
        assertEquals(200, Federation.register(hub.http, other, "测试二区").status);
        assertEquals(200, Federation.approve(hub.http, FAKE2, other.fingerprint()).status);

        String own = Federation.batch(FAKE, 1, FAKE + "-20261128-0001");
        Map<String, String> signed = Federation.sign(key, own, UUID.randomUUID().toString());
        Http.Answer accepted = hub.http.exchange("POST", "/hub/batches", signed, own);
        assertEquals(accepted.toString(), 200, accepted.status);
        assertEquals(1, accepted.json().path("acked").asLong());

        Http.Answer replayed = hub.http.exchange("POST", "/hub/batches", signed, own);
        assertEquals(replayed.toString(), 409, replayed.status);
        assertEquals("REPLAYED", replayed.code());

        // signed with a key the hub does not know, and with another (approved) district's key
        Http.Answer forged = Federation.ship(hub.http, Federation.newKey(FAKE), own);
        assertEquals(401, forged.status);
        assertEquals("BAD_SIGNATURE", forged.code());
        SigningKey othersKeyAsFake = new SigningKey(FAKE, other.algorithm(), other.privateKey(), other.publicKey());
        assertEquals("BAD_SIGNATURE", Federation.ship(hub.http, othersKeyAsFake, own).code());
        Map<String, String> tampered = Federation.sign(key, own, UUID.randomUUID().toString());
        assertEquals(401, hub.http.exchange("POST", "/hub/batches", tampered, own.replace("测试", "篡改")).status);
        Map<String, String> stale = Federation.sign(key, own, UUID.randomUUID().toString(), Instant.now().minusSeconds(3600));
        assertEquals("STALE_REQUEST", hub.http.exchange("POST", "/hub/batches", stale, own).code());
        // every signed call, not only batches: the inbox, a licence lookup, the catalog
        assertEquals(200, hub.http.exchange("GET", "/hub/inbox", Federation.sign(key, "", UUID.randomUUID().toString()), null).status);
        assertEquals(401, hub.http.exchange("GET", "/hub/inbox", Federation.sign(othersKeyAsFake, "", UUID.randomUUID().toString()), null).status);
        String lookup = "{\"type\":\"BUSINESS_LICENCE\",\"number\":\"NONE-1\",\"purpose\":\"核验\"}";
        assertEquals(404, hub.http.exchange("POST", "/hub/licence-lookups", Federation.sign(key, lookup, UUID.randomUUID().toString()), lookup).status);
        assertEquals(401, hub.http.exchange("POST", "/hub/licence-lookups", Federation.sign(othersKeyAsFake, lookup, UUID.randomUUID().toString()),
                lookup).status);

        // a record claiming district A's case, signed by this district: refused whole, nothing of A's touched
        String foreign = Federation.batch(FAKE, 2, A + "-20261128-9999");
        Http.Answer refused = Federation.ship(hub.http, key, foreign);
        assertEquals(refused.toString(), 403, refused.status);
        assertEquals("FOREIGN_RECORD", refused.code());
        assertTrue(!Federation.hubCases(hub.http, A).containsKey(A + "-20261128-9999"));

        assertEquals(200, hub.http.postJson("/hub/districts/" + FAKE + "/revocation", "admin", "").status);
        String next = Federation.batch(FAKE, 2, FAKE + "-20261128-0002");
        Http.Answer revoked = Federation.ship(hub.http, key, next);
        assertEquals(revoked.toString(), 403, revoked.status);
        assertEquals("DISTRICT_REVOKED", revoked.code());
        assertEquals(Set.of(FAKE + "-20261128-0001"), Federation.hubCases(hub.http, FAKE).keySet());
        for (JsonNode d : hub.http.get("/hub/districts", "admin").json()) {
            if (d.path("code").asText().equals(FAKE)) {
                assertEquals("REVOKED", d.path("state").asText());
                assertTrue(d.toString(), d.path("refusals").asInt() >= 9);
            }
        }
    }

}
