package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * The online channel over HTTP: a citizen signs in with a code sent only to a mobile bound through a verified
 * path (a clerk, their own window case, the real-name verification simulator as a process of its own), books,
 * changes and cancels appointments (concurrently too, never beyond a slot's capacity), applies online with files,
 * is returned once by pre-review and then accepted without a visit, and follows the case; a security
 * administrator reads and revokes bindings; every bad input is refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OnlineIT extends OneWindowTestSupport {
    private static final String CFG = "etc/org.onewindow.online.cfg";
    private static final String ONLINE_ITEM = "RS-SB-002";
    /** An online item with a fee of 80 yuan and four materials, none from the licence library for new citizens. */
    private static final String FEE_ITEM = "ZR-BDC-002";
    private static final int GATEWAY_PORT = Ports.of(9610);
    private static final String GATEWAY_SECRET = "it-gateway-secret-0001";
    private static final int REAL_NAME_PORT = Ports.of(9620);
    private static final String REALNAME_CFG = "etc/org.onewindow.online.realname.cfg";
    /** A security administrator (安全管理员) of the test's own: the demo has none. */
    /** The demo security administrator (安全管理员): reads and revokes citizens' bindings. */
    private static final String SECURITY = "security";
    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static PaymentGatewaySystem gateway;
    private static RealNameSystem realName;

    @Configuration
    public Option[] config() {
        return appliance(
                editConfigurationFilePut(CFG, "caseNoticeSeconds", "1"),
                // short enough to wait for in a test; a second code may follow after one second
                editConfigurationFilePut(CFG, "codeTtlSeconds", "4"),
                editConfigurationFilePut(CFG, "codeIntervalSeconds", "1"),
                editConfigurationFilePut(CFG, "codesPerClientPerHour", "10000"),
                // the hall holds fewer per slot than its groups together, so that both limits are met
                editConfigurationFilePut(CFG, "slotCapacity", "5"),
                editConfigurationFilePut(CFG, "groupCapacities", "JT=3,CG=3"),
                editConfigurationFilePut(CFG, "publicBaseUrl", "http://localhost:" + HTTP_PORT),
                editConfigurationFilePut("etc/org.onewindow.online.gateway.cfg", "url", "http://localhost:" + GATEWAY_PORT),
                editConfigurationFilePut("etc/org.onewindow.online.gateway.cfg", "secret", GATEWAY_SECRET),
                editConfigurationFilePut(REALNAME_CFG, "url", "http://localhost:" + REAL_NAME_PORT),
                editConfigurationFilePut(REALNAME_CFG, "appId", "OW441302"),
                // the simulator makes its key pair at its first start; the hall reads the public key when it asks
                editConfigurationFilePut(REALNAME_CFG, "platformKey", RealNameSystem.publicKeyFile().toString()));
    }

    @Before
    public void apiUp() throws Exception {
        awaitApi();
        http.awaitOk(Citizens.BASE + "/appointments/days", null, Duration.ofSeconds(60));
        if (gateway == null) {
            gateway = PaymentGatewaySystem.start(GATEWAY_PORT, "OW441302", GATEWAY_SECRET);
        }
        if (realName == null) {
            realName = RealNameSystem.start(REAL_NAME_PORT, "OW441302",
                    java.nio.file.Paths.get(System.getProperty("karaf.data"), "onewindow", "realname", "hall-key.pub.pem"));
        }
    }

    @Test
    public void signInNeedsTheCodeSentToTheBoundMobileAndIsLimited() throws Exception {
        String id = Citizens.idNumber("19850312", 1);
        assertEquals("INVALID_ID_NUMBER", Citizens.sendCode(http, Cases.WRONG_CHECK_DIGIT, "13800138000").code());
        assertEquals("INVALID_MOBILE", Citizens.sendCode(http, id, "1380013800").code());
        assertEquals(400, http.exchange("POST", Citizens.BASE + "/sign-in/code", Map.of(), "{\"idNumber\":").status);
        assertEquals(401, http.exchange("GET", Citizens.BASE + "/appointments", Map.of(), null).status);

        Citizens.bindAtWindow(http, id, "13800138000");
        assertEquals(202, Citizens.sendCode(http, id, "13800138000").status);
        Http.Answer again = Citizens.sendCode(http, id, "13800138000");
        assertEquals(again.toString(), 429, again.status);
        assertEquals("TOO_MANY_CODES", again.code());
        String code = Citizens.lastCode(id);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            Http.Answer a = Citizens.enter(http, id, wrong);
            assertEquals(a.toString(), "WRONG_CODE", a.code());
            assertTrue(a.toString(), a.json().path("message").asText().contains(String.valueOf(left)));
        }
        assertEquals("the fifth wrong entry voids the code", "CODE_LOCKED", Citizens.enter(http, id, wrong).code());
        assertEquals("a void code signs nobody in, even the right one", "CODE_EXPIRED", Citizens.enter(http, id, code).code());

        Thread.sleep(1100);
        assertEquals(202, Citizens.sendCode(http, id, "13800138000").status);
        Thread.sleep(4200);
        assertEquals("codes expire", "CODE_EXPIRED", Citizens.enter(http, id, Citizens.lastCode(id)).code());

        Thread.sleep(1100);
        Citizens.Session s = Citizens.signInVerified(http, id, "13800138000");
        JsonNode me = s.get("/session").json();
        assertEquals("441302********" + id.substring(14), me.path("idNumber").asText());
        assertEquals("138****8000", me.path("mobile").asText());
        assertEquals("a change without the CSRF token is refused", "CSRF_REJECTED",
                s.forged("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"王五\"}").code());
        assertEquals("a used code is gone", "CODE_EXPIRED", Citizens.enter(http, id, Citizens.lastCode(id)).code());

        Thread.sleep(1100);
        Http.Answer other = Citizens.sendCode(http, id, "13900139000");
        assertEquals("the clerk bound the mobile", "MOBILE_MISMATCH", other.code());
        assertTrue("nothing sent to the other mobile", Citizens.noticesTo("13900139000").isEmpty());
        String rebinding = "{\"idNumber\":\"" + id + "\",\"mobile\":\"13900139000\"}";
        assertEquals(401, http.exchange("POST", "/online/citizens/bindings", Map.of(), rebinding).status);
        assertEquals(403, http.postJson("/online/citizens/bindings", "reviewer", rebinding).status);
        Http.Answer rebound = http.postJson("/online/citizens/bindings", "clerk", rebinding);
        assertEquals(rebound.toString(), 200, rebound.status);
        assertEquals("139****9000", rebound.json().path("mobile").asText());
        assertEquals("the rebinding ended the session of the old mobile", "SIGN_IN_REQUIRED", s.get("/appointments").code());
        Citizens.Session after = Citizens.signInVerified(http, id, "13900139000");
        assertEquals(200, after.get("/appointments").status);

        assertEquals(204, after.send("DELETE", "/session", null).status);
        assertEquals("signed out", "SIGN_IN_REQUIRED", after.get("/appointments").code());
        assertFalse("codes never reach the log", karafLog().contains(Citizens.lastCode(id)));
    }

    /**
     * The tester's finding: a code for an ID number that never used the online hall, asked for to the attacker's own
     * mobile, bound that mobile at the first sign-in, so the attacker read the citizen's cases and texts and the
     * citizen was locked out. No code goes to a mobile nobody verified; the citizen is told how to bind one.
     */
    @Test
    public void aCodeForAnIdNumberWithoutAVerifiedMobileIsRefusedAndNothingIsSentToTheAttacker() throws Exception {
        String victim = Citizens.idNumber("19670415", 21);
        String attacker = "13312345678";
        Http.Answer asked = Citizens.sendCode(http, victim, attacker);
        assertEquals(asked.toString(), 409, asked.status);
        assertEquals("MOBILE_NOT_VERIFIED", asked.code());
        List<String> ways = new ArrayList<>();
        asked.json().path("details").forEach(d -> ways.add(d.path("item").asText()));
        assertEquals("at a window with the ID card, or by real-name verification", List.of("WINDOW", "REAL_NAME"), ways);
        assertEquals("MOBILE_NOT_VERIFIED", Citizens.sendCode(http, victim).code());
        assertTrue("nothing sent to the attacker's mobile", Citizens.noticesTo(attacker).isEmpty());
        assertTrue("no code sent for the ID number at all", Citizens.notices().stream()
                .noneMatch(n -> victim.equals(n.path("idNumber").asText()) && "SIGN_IN_CODE".equals(n.path("kind").asText())));
        assertEquals("nobody is bound by asking", "CODE_EXPIRED", Citizens.enter(http, victim, "123456").code());
        assertFalse(http.get("/online/citizens/bindings?idNumber=" + victim, SECURITY).json().path("bound").asBoolean());

        // the citizen binds their mobile at a window, the clerk checking the ID card: now the code goes there, and only there
        Citizens.bindAtWindow(http, victim, "13712345678");
        assertEquals("the attacker's mobile is still not the citizen's", "MOBILE_MISMATCH", Citizens.sendCode(http, victim, attacker).code());
        Thread.sleep(1100);
        Http.Answer sent = Citizens.sendCode(http, victim);
        assertEquals(sent.toString(), 202, sent.status);
        assertEquals("shown masked: the citizen need not type it", "137****5678", sent.json().path("mobile").asText());
        assertEquals("BOUND", sent.json().path("via").asText());
        Citizens.Session s = Citizens.enterCode(http, victim);
        assertEquals("137****5678", s.get("/session").json().path("mobile").asText());
        assertTrue(Citizens.noticesTo(attacker).isEmpty());
    }

    @Test
    public void theMobileOnTheCitizensOwnWindowCaseSignsThemInAndIsBound() throws Exception {
        String id = Citizens.idNumber("19720820", 22);
        String mobile = "13512340022";
        String attacker = "13312340022";
        // an online case of the citizen carries whatever mobile was typed: it vouches for nothing
        assertEquals(201, http.postJson("/cases", "clerk", windowCase(ONLINE_ITEM, id, "钱八", attacker, "ONLINE", false)).status);
        // nor does a case an agent brought
        assertEquals(201, http.postJson("/cases", "clerk", windowCase(ONLINE_ITEM, id, "钱八", attacker, "WINDOW", true)).status);
        assertEquals("MOBILE_NOT_VERIFIED", Citizens.sendCode(http, id).code());
        // the citizen came to a window in person with their ID card, and the clerk noted their mobile on the case
        String caseNo = http.postJson("/cases", "clerk", windowCase(ONLINE_ITEM, id, "钱八", mobile, "WINDOW", false)).json().path("caseNo").asText();

        assertEquals("MOBILE_MISMATCH", Citizens.sendCode(http, id, attacker).code());
        assertTrue(Citizens.noticesTo(attacker).isEmpty());
        Thread.sleep(1100);
        Http.Answer sent = Citizens.sendCode(http, id);
        assertEquals(sent.toString(), 202, sent.status);
        assertEquals("135****0022", sent.json().path("mobile").asText());
        assertEquals("WINDOW_CASE", sent.json().path("via").asText());
        Citizens.Session s = Citizens.enterCode(http, id);
        assertTrue("the citizen sees their window case", find(s.get("/cases").json(), caseNo, "caseNo").isObject());

        JsonNode binding = http.get("/online/citizens/bindings?idNumber=" + id, SECURITY).json();
        assertEquals("WINDOW_CASE", binding.path("via").asText());
        assertEquals("the case that vouched for it", caseNo, binding.path("reference").asText());
        assertEquals("the clerk who took it in", "clerk", binding.path("boundBy").asText());
        assertEquals("135****0022", binding.path("mobile").asText());
    }

    @Test
    public void theRealNameServiceVerifiesAMobileOrRefusesItAndItsAnswerMustBeSigned() throws Exception {
        String id = Citizens.idNumber("19800101", 23);
        String mobile = "13612340023";
        realName.person(id, "孙九", mobile);
        assertTrue(http.exchange("GET", Citizens.BASE + "/sign-in/ways", Map.of(), null).json().path("realName").asBoolean());

        Http.Answer wrongName = realName(id, "孙久", mobile);
        assertEquals(wrongName.toString(), 409, wrongName.status);
        assertEquals("REAL_NAME_MISMATCH", wrongName.code());
        assertEquals("another person's mobile", "REAL_NAME_MISMATCH", realName(id, "孙九", "13312340023").code());
        assertEquals("INVALID_NAME", realName(id, " ", mobile).code());
        assertTrue("nothing sent after a refusal", Citizens.noticesTo(mobile).isEmpty() && Citizens.noticesTo("13312340023").isEmpty());

        realName.scenario("{\"forge\":true}");
        try {
            Http.Answer forged = realName(id, "孙九", mobile);
            assertEquals("an answer not signed with the service's key is no answer", 503, forged.status);
            assertEquals("REAL_NAME_UNAVAILABLE", forged.code());
        } finally {
            realName.scenario("{\"forge\":false}");
        }
        realName.scenario("{\"stale\":true}");
        try {
            assertEquals("an answer ten minutes old is no answer", "REAL_NAME_UNAVAILABLE", realName(id, "孙九", mobile).code());
        } finally {
            realName.scenario("{\"stale\":false}");
        }
        assertTrue(Citizens.noticesTo(mobile).isEmpty());
        assertEquals("MOBILE_NOT_VERIFIED", Citizens.sendCode(http, id).code());

        Http.Answer verified = realName(id, "孙九", mobile);
        assertEquals(verified.toString(), 202, verified.status);
        assertEquals("136****0023", verified.json().path("mobile").asText());
        Citizens.Session s = Citizens.enterCode(http, id);
        assertEquals("136****0023", s.get("/session").json().path("mobile").asText());
        JsonNode binding = http.get("/online/citizens/bindings?idNumber=" + id, SECURITY).json();
        assertEquals("REAL_NAME", binding.path("via").asText());
        assertTrue(binding.path("reference").asText(), binding.path("reference").asText().startsWith("RN"));
        Thread.sleep(1100);
        assertEquals("bound: the next code needs no verification", 202, Citizens.sendCode(http, id).status);
        assertTrue("the service's log masks", realName.log().contains("441302********" + id.substring(14)) && !realName.log().contains(id));
    }

    @Test
    public void securityReadsAndRevokesABindingWhichEndsTheSessionAndClerksAndSecurityKeepToTheirRoles() throws Exception {
        String id = Citizens.idNumber("19910303", 24);
        Citizens.Session s = Citizens.signIn(http, id, "13812340024");
        assertEquals(200, s.get("/appointments").status);

        assertEquals("a clerk cannot list a binding", 403, http.get("/online/citizens/bindings?idNumber=" + id, "clerk").status);
        assertEquals(403, http.get("/online/citizens/bindings?idNumber=" + id, "admin").status);
        assertEquals(401, http.get("/online/citizens/bindings?idNumber=" + id, null).status);
        assertEquals("a clerk cannot revoke", 403, http.postJson("/online/citizens/bindings/revocations", "clerk", revocation(id, "x")).status);
        assertEquals("security cannot rebind", 403, http.postJson("/online/citizens/bindings", SECURITY, "{\"idNumber\":\"" + id
                + "\",\"mobile\":\"13312340024\"}").status);

        JsonNode first = http.get("/online/citizens/bindings?idNumber=" + id, SECURITY).json();
        assertTrue(first.path("bound").asBoolean());
        assertEquals("441302********" + id.substring(14), first.path("idNumber").asText());
        assertEquals("138****0024", first.path("mobile").asText());
        assertEquals("WINDOW_CLERK", first.path("via").asText());
        JsonNode bound = first.path("history").get(0);
        assertEquals("BOUND", bound.path("event").asText());
        assertEquals("who bound it", "clerk", bound.path("by").asText());
        assertTrue(bound.path("at").isTextual());
        JsonNode signIn = first.path("signIns").get(0);
        assertEquals("WEB", signIn.path("channel").asText());
        assertTrue("the client address masked: " + signIn, signIn.path("client").asText().endsWith("*"));
        JsonNode again = http.get("/online/citizens/bindings?idNumber=" + id, SECURITY).json().path("history");
        JsonNode read = again.get(again.size() - 1);
        assertEquals("the first read is on record", "READ", read.path("event").asText());
        assertEquals(SECURITY, read.path("by").asText());

        assertEquals("INVALID_REASON", http.postJson("/online/citizens/bindings/revocations", SECURITY, "{\"idNumber\":\"" + id + "\"}").code());
        Http.Answer revoked = http.postJson("/online/citizens/bindings/revocations", SECURITY, revocation(id, "市民来电：手机号已丢失"));
        assertEquals(revoked.toString(), 200, revoked.status);
        assertEquals("the citizen's session is over", "SIGN_IN_REQUIRED", s.get("/appointments").code());
        assertEquals(401, s.get("/session").status);
        assertEquals("NO_BINDING", http.postJson("/online/citizens/bindings/revocations", SECURITY, revocation(id, "again")).code());
        assertEquals("no code until bound again", "MOBILE_NOT_VERIFIED", Citizens.sendCode(http, id).code());
        JsonNode history = http.get("/online/citizens/bindings?idNumber=" + id, SECURITY).json().path("history");
        boolean onRecord = false;
        for (JsonNode e : history) {
            onRecord |= "REVOKED".equals(e.path("event").asText()) && SECURITY.equals(e.path("by").asText())
                    && e.path("reason").asText().contains("丢失");
        }
        assertTrue(history.toString(), onRecord);
        assertFalse("ID numbers and mobiles are masked in the log", karafLog().contains(id) || karafLog().contains("13812340024"));
    }

    /** The citizen's online case and window case keep telling the mobile on them after the citizen binds another one. */
    @Test
    public void caseTextsGoToTheCasesOwnContactAfterAnotherBinding() throws Exception {
        String id = Citizens.idNumber("19660606", 25);
        String first = "13912340025";
        String later = "13912349925";
        String windowNo = http.postJson("/cases", "clerk", windowCase(ONLINE_ITEM, id, "周十", first, "WINDOW", false)).json().path("caseNo").asText();
        assertEquals(200, http.postJson("/cases/" + windowNo + "/transitions", "clerk", Cases.to("ACCEPTED")).status);
        Citizens.Session s = Citizens.enterCode(http, sent(id));
        String onlineNo = s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"周十\"}").json().path("caseNo").asText();
        assertEquals(200, s.upload(onlineNo, "M01", "身份证.pdf", Cases.pdf("id of " + onlineNo)).status);
        assertEquals(200, s.upload(onlineNo, "M02", "证明.pdf", Cases.pdf("proof of " + onlineNo)).status);
        assertEquals("SUBMITTED", s.send("POST", "/applications/" + onlineNo + "/submission", null).json().path("state").asText());

        // the citizen changes their mobile at a window
        Citizens.bindAtWindow(http, id, later);
        assertEquals("ACCEPTED", http.postJson("/online/pre-review/" + onlineNo + "/acceptance", "clerk", "").json().path("state").asText());
        Cases.awaitStatus(http, windowNo, "IN_REVIEW");
        assertEquals("APPROVED", http.postJson("/cases/" + windowNo + "/decision", "reviewer", "{\"outcome\":\"APPROVED\","
                + "\"resultDocument\":\"失业保险金核定通知书\"}").json().path("status").asText());
        awaitNotice("CASE_DECIDED", windowNo, "审批通过");
        assertEquals("the window case's text goes to the mobile on it", first, notice("CASE_DECIDED", windowNo).path("mobile").asText());
        assertEquals("the online case's text goes to the mobile it was applied with", first,
                notice("APPLICATION_ACCEPTED", onlineNo).path("mobile").asText());
        assertTrue("nothing about these cases to the later binding", Citizens.noticesTo(later).stream()
                .noneMatch(n -> windowNo.equals(n.path("reference").asText()) || onlineNo.equals(n.path("reference").asText())));
    }

    /** The appointment of today checked in, a clerk confirms the citizen's mobile there; on another day it cannot be. */
    @Test
    public void aClerkConfirmsAMobileAtAnAppointmentsCheckIn() {
        String id = Citizens.idNumber("19580808", 26);
        Citizens.Session s = Citizens.signIn(http, id, "13712340026");
        List<String> days = days();
        String later = days.get(days.size() - 2);
        String code = s.send("POST", "/appointments", booking("GA-HJ-004", later, "09:30", "吴一")).json().path("code").asText();
        assertEquals("only once checked in today", "NOT_CHECKED_IN",
                http.putJson("/online/appointments/" + code + "/mobile", "clerk", "{\"mobile\":\"13712349926\"}").code());
        assertEquals(403, http.putJson("/online/appointments/" + code + "/mobile", SECURITY, "{\"mobile\":\"13712349926\"}").status);
        assertEquals("APPOINTMENT_NOT_FOUND", http.putJson("/online/appointments/YYNOSUCH1/mobile", "clerk", "{\"mobile\":\"13712349926\"}").code());
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        // another item: one booking per item and citizen
        String slot = days.get(0).equals(today) ? lastOpenSlot(today, "GA-CRJ-001") : null;
        if (slot == null) {
            System.out.println("no slot left today: the check-in binding was checked for its refusals only");
            return;
        }
        String todays = s.send("POST", "/appointments", booking("GA-CRJ-001", today, slot, "吴一")).json().path("code").asText();
        assertEquals("ARRIVED", http.postJson("/online/appointments/" + todays + "/arrival", "clerk", "").json().path("status").asText());
        Http.Answer confirmed = http.putJson("/online/appointments/" + todays + "/mobile", "clerk", "{\"mobile\":\"13712349926\"}");
        assertEquals(confirmed.toString(), 200, confirmed.status);
        JsonNode binding = http.get("/online/citizens/bindings?idNumber=" + id, SECURITY).json();
        assertEquals("CHECK_IN", binding.path("via").asText());
        assertEquals(todays, binding.path("reference").asText());
        assertEquals("the session of the old mobile is over", "SIGN_IN_REQUIRED", s.get("/appointments").code());
    }

    @Test
    public void aCitizenBooksChangesAndCancelsAndTheWindowSeesTheDayList() {
        Citizens.Session s = Citizens.signIn(http, Citizens.idNumber("19900101", 2), "13700137000");
        List<String> days = days();
        // not the first: when that is today, its morning slots have begun and are no longer offered
        String day = days.get(1);
        String later = days.get(2);
        assertEquals(10, days.size());
        String item = "GA-HJ-004";
        int left = left(day, item, "10:00");

        Http.Answer booked = s.send("POST", "/appointments", booking(item, day, "10:00", "李四"));
        assertEquals(booked.toString(), 201, booked.status);
        JsonNode a = booked.json();
        String code = a.path("code").asText();
        assertEquals("BOOKED", a.path("status").asText());
        assertEquals("10:30", a.path("end").asText());
        assertEquals("GA", a.path("group").asText());
        assertEquals(left - 1, left(day, item, "10:00"));
        assertTrue(Citizens.notices().stream().anyMatch(n -> "APPOINTMENT_BOOKED".equals(n.path("kind").asText())
                && code.equals(n.path("reference").asText())));

        assertEquals("ALREADY_BOOKED", s.send("POST", "/appointments", booking(item, day, "14:00", "李四")).code());
        assertEquals("SLOT_NOT_OFFERED", s.send("POST", "/appointments", booking(item, day, "08:00", "李四")).code());
        assertEquals("SLOT_NOT_OFFERED", s.send("POST", "/appointments", booking(item, day, "10:15", "李四")).code());
        assertEquals("ITEM_NOT_FOUND", s.send("POST", "/appointments", booking("NO-SUCH-1", later, "10:00", "李四")).code());
        assertEquals("INVALID_BOOKING", s.send("POST", "/appointments", booking(item, "2026-13-01", "10:00", "李四")).code());
        assertEquals("INVALID_BOOKING", s.send("POST", "/appointments", booking(item, later, "10:00", " ")).code());
        assertEquals(400, s.send("POST", "/appointments", "{\"itemCode\":").status);
        String offDay = nonWorkingDayWithin(days);
        assertEquals("NOT_A_WORKING_DAY", s.send("POST", "/appointments", booking(item, offDay, "10:00", "李四")).code());

        JsonNode moved = s.send("PUT", "/appointments/" + code, booking(item, later, "14:00", "李四")).json();
        assertEquals(later, moved.path("day").asText());
        assertEquals(left, left(day, item, "10:00"));
        assertEquals(left - 1, left(later, item, "14:00"));

        Citizens.Session stranger = Citizens.signIn(http, Citizens.idNumber("19900101", 3), "13700137001");
        assertEquals("another citizen's booking does not exist for them", "APPOINTMENT_NOT_FOUND",
                stranger.send("DELETE", "/appointments/" + code, null).code());

        JsonNode list = http.get("/online/appointments?day=" + later, "clerk").json();
        JsonNode mine = find(list, code);
        assertEquals("李四", mine.path("name").asText());
        assertEquals("GA-HJ-004", mine.path("itemCode").asText());
        assertTrue("masked on the day list", mine.path("idNumber").asText().contains("********"));
        assertEquals(403, http.get("/online/appointments?day=" + later, "reviewer").status);
        assertEquals(401, http.get("/online/appointments?day=" + later, null).status);
        assertEquals("only today's appointments are checked in", "APPOINTMENT_CLOSED",
                http.postJson("/online/appointments/" + code + "/arrival", "clerk", "").code());

        assertEquals("CANCELLED", s.send("DELETE", "/appointments/" + code, null).json().path("status").asText());
        assertEquals(left, left(later, item, "14:00"));
        assertEquals("APPOINTMENT_CLOSED", s.send("DELETE", "/appointments/" + code, null).code());
        assertTrue(find(http.get("/online/appointments?day=" + later, "clerk").json(), code).isMissingNode());

        for (int i = 0; i < 3; i++) {
            assertEquals(201, s.send("POST", "/appointments", booking("GA-CRJ-00" + (i == 0 ? "1" : "2"), days.get(3 + i), "09:00", "李四")).status);
        }
        assertEquals("TOO_MANY_BOOKINGS", s.send("POST", "/appointments", booking(item, days.get(7), "09:00", "李四")).code());
        assertEquals(3, s.get("/appointments").json().findValues("status").stream().filter(v -> "BOOKED".equals(v.asText())).count());
    }

    @Test
    public void concurrentBookingsNeverPassTheGroupOrTheHallCapacity() throws Exception {
        List<String> days = days();
        String day = days.get(days.size() - 1);
        List<Citizens.Session> citizens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            citizens.add(Citizens.signIn(http, Citizens.idNumber("19700101", 100 + i), "1360013" + String.format("%04d", i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < citizens.size(); i++) {
            Citizens.Session c = citizens.get(i);
            String item = i % 2 == 0 ? "JT-YS-001" : "CG-JZ-001";
            answers.add(pool.submit((Callable<Http.Answer>) () -> c.send("POST", "/appointments", booking(item, day, "16:00", "市民"))));
        }
        int jt = 0;
        int cg = 0;
        for (int i = 0; i < answers.size(); i++) {
            Http.Answer a = answers.get(i).get();
            if (a.status == 201) {
                if (i % 2 == 0) {
                    jt++;
                } else {
                    cg++;
                }
            } else {
                assertEquals(a.toString(), "SLOT_FULL", a.code());
            }
        }
        pool.shutdown();
        assertEquals("the hall holds 5 per slot", 5, jt + cg);
        assertTrue("each group holds 3: " + jt + "/" + cg, jt <= 3 && cg <= 3);
        assertEquals(0, left(day, "JT-YS-001", "16:00"));
        assertEquals(0, left(day, "CG-JZ-001", "16:00"));
        long listed = 0;
        for (JsonNode a : http.get("/online/appointments?day=" + day, "clerk").json()) {
            listed += "16:00".equals(a.path("start").asText()) ? 1 : 0;
        }
        assertEquals(5, listed);
    }

    @Test
    public void anOnlineApplicationIsReturnedOnceThenAcceptedWithoutAVisit() throws Exception {
        String id = Citizens.idNumber("19880808", 4);
        Http.Answer imported = http.postJson("/licences/import", "admin", "[{\"type\":\"RESIDENT_ID_CARD\",\"number\":\"ID-" + id
                + "\",\"holderId\":\"" + id + "\",\"holderName\":\"王五\",\"issuerCode\":\"GA\",\"issuerName\":\"区公安分局\","
                + "\"issuedOn\":\"2020-01-01\"}]");
        assertEquals(imported.toString(), 200, imported.status);
        Citizens.Session s = Citizens.signIn(http, id, "13500135000");
        int calls = 2;

        assertEquals("NOT_ONLINE", s.send("POST", "/applications", "{\"itemCode\":\"GA-HJ-004\",\"name\":\"王五\"}").code());
        assertEquals("INVALID_APPLICATION", s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"王五\","
                + "\"delivery\":{\"method\":\"POST\",\"recipient\":\"王五\",\"phone\":\"13500135000\"}}").code());
        assertEquals("INVALID_APPLICATION", s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"王五\","
                + "\"delivery\":{\"method\":\"DRONE\"}}").code());
        Http.Answer opened = s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"王五\",\"delivery\":"
                + "{\"method\":\"POST\",\"recipient\":\"王五\",\"phone\":\"13500135000\",\"address\":\"广东省惠州市惠城区江北三新南路 1 号\"}}");
        calls++;
        assertEquals(opened.toString(), 201, opened.status);
        JsonNode app = opened.json();
        String no = app.path("caseNo").asText();
        assertEquals("DRAFT", app.path("state").asText());
        assertEquals("the ID card comes from the licence library", "LICENCE", material(app, "M01").path("source").asText());
        assertEquals(null, material(app, "M02").path("source").textValue());

        assertEquals("MATERIAL_FROM_LICENCE", s.upload(no, "M01", "id.png", Cases.png("id")).code());
        assertEquals("MATERIAL_NOT_IN_CATALOG", s.upload(no, "M09", "x.png", Cases.png("x")).code());
        Http.Answer text = s.upload(no, "M02", "证明.txt", "not a scan".getBytes(StandardCharsets.UTF_8));
        assertEquals(text.toString(), 415, text.status);
        assertEquals("UNSUPPORTED_FILE_TYPE", text.code());
        assertEquals("a refused file leaves nothing", 0, http.get("/cases/" + no + "/materials", "clerk").json().size());
        assertEquals("MATERIALS_MISSING", s.send("POST", "/applications/" + no + "/submission", null).code());

        Http.Answer up = s.upload(no, "M02", "解除劳动关系证明.pdf", Cases.pdf("termination of " + no));
        calls++;
        assertEquals(up.toString(), 200, up.status);
        assertEquals("UPLOADED", material(up.json(), "M02").path("source").asText());
        assertEquals("解除劳动关系证明.pdf", material(up.json(), "M02").path("files").get(0).path("fileName").asText());
        Http.Answer submitted = s.send("POST", "/applications/" + no + "/submission", null);
        calls++;
        assertEquals(submitted.toString(), "SUBMITTED", submitted.json().path("state").asText());
        assertEquals("WRONG_STATE", s.send("POST", "/applications/" + no + "/submission", null).code());

        Citizens.Session stranger = Citizens.signIn(http, Citizens.idNumber("19880808", 5), "13500135001");
        assertEquals("APPLICATION_NOT_FOUND", stranger.get("/applications/" + no).code());
        assertEquals("CASE_NOT_FOUND", stranger.get("/cases/" + no).code());

        assertTrue(find(http.get("/online/pre-review", "clerk").json(), no, "caseNo").isObject());
        assertEquals(403, http.get("/online/pre-review", "reviewer").status);
        JsonNode review = http.get("/online/pre-review/" + no, "clerk").json();
        assertEquals("POST", review.path("delivery").path("method").asText());
        assertEquals("广东省惠州市惠城区江北三新南路 1 号", review.path("delivery").path("address").asText());
        assertEquals("MATERIAL_NOT_IN_CATALOG", http.postJson("/online/pre-review/" + no + "/return", "clerk",
                "{\"materials\":[\"M09\"]}").code());
        JsonNode returned = http.postJson("/online/pre-review/" + no + "/return", "clerk",
                "{\"materials\":[\"M02\"],\"note\":\"证明须加盖单位公章\"}").json();
        assertEquals("RETURNED", returned.path("state").asText());
        assertTrue(Citizens.notices().stream().anyMatch(n -> "APPLICATION_RETURNED".equals(n.path("kind").asText())
                && n.path("text").asText().contains("终止或者解除劳动关系的证明") && n.path("text").asText().contains("加盖单位公章")));
        JsonNode seen = s.get("/applications/" + no).json();
        calls++;
        assertEquals("证明须加盖单位公章", seen.path("returned").path("note").asText());
        assertEquals("the file returned must be uploaded again", "MATERIALS_MISSING",
                s.send("POST", "/applications/" + no + "/submission", null).code());
        assertEquals(200, s.upload(no, "M02", "解除劳动关系证明-盖章.pdf", Cases.pdf("stamped " + no)).status);
        calls++;
        assertEquals("SUBMITTED", s.send("POST", "/applications/" + no + "/submission", null).json().path("state").asText());
        calls++;

        JsonNode accepted = http.postJson("/online/pre-review/" + no + "/acceptance", "clerk", "").json();
        calls++;
        assertEquals(accepted.toString(), "ACCEPTED", accepted.path("state").asText());
        JsonNode c = http.get("/cases/" + no, "clerk").json();
        assertEquals("ONLINE", c.path("channel").asText());
        assertEquals("accepted without coming to the hall", 0, c.path("visits").asInt());
        assertNotEquals("DRAFT", c.path("status").asText());
        assertTrue(c.path("timeLimit").path("deadline").isTextual());
        assertEquals(2, http.get("/cases/" + no + "/materials", "clerk").json().size());
        assertEquals("WRONG_STATE", http.postJson("/online/pre-review/" + no + "/acceptance", "clerk", "").code());

        JsonNode mine = s.get("/cases/" + no).json();
        calls++;
        assertEquals(c.path("timeLimit").path("deadline").asText(), mine.path("deadline").asText());
        assertTrue(mine.path("nextStep").asText(), mine.path("nextStep").asText().contains("审批中"));
        assertTrue(mine.path("history").size() >= 2);
        assertTrue("no staff names for citizens", mine.path("history").get(0).path("by").isMissingNode());
        assertTrue(find(s.get("/cases").json(), no, "caseNo").isObject());
        assertTrue(Citizens.notices().stream().anyMatch(n -> "APPLICATION_ACCEPTED".equals(n.path("kind").asText())
                && no.equals(n.path("reference").asText())));
        System.out.println("online application, submit to ACCEPTED by pre-review: " + calls + " API calls (sign-in 2, citizen "
                + (calls - 3) + ", pre-review 1), one return included");

        // decided, and the result posted as the citizen chose: they are told, and never came to the hall
        Cases.awaitStatus(http, no, "IN_REVIEW");
        assertEquals("APPROVED", http.postJson("/cases/" + no + "/decision", "reviewer", "{\"outcome\":\"APPROVED\","
                + "\"resultDocument\":\"失业保险金核定通知书\"}").json().path("status").asText());
        assertEquals(200, http.postJson("/cases/" + no + "/transitions", "reviewer", Cases.to("READY_FOR_PICKUP")).status);
        JsonNode posted = http.postJson("/cases/" + no + "/transitions", "clerk", "{\"to\":\"DELIVERED\",\"carrier\":\"中国邮政EMS\","
                + "\"trackingNo\":\"EA123456789CN\"}").json();
        assertEquals(posted.toString(), "DELIVERED", posted.path("status").asText());
        JsonNode done = s.get("/cases/" + no).json();
        assertEquals("POST", done.path("deliveryMethod").asText());
        assertEquals("EA123456789CN", done.path("trackingNo").asText());
        assertTrue(done.path("nextStep").asText().contains("邮寄"));
        awaitNotice("RESULT_POSTED", no, "EA123456789CN");
        awaitNotice("CASE_DECIDED", no, "审批通过");
        assertEquals("told once per status", 1, Citizens.notices().stream().filter(n -> "RESULT_POSTED".equals(n.path("kind").asText())
                && no.equals(n.path("reference").asText())).count());

        JsonNode item = null;
        for (JsonNode d : http.get("/supervision/stats", "supervisor").json().path("departments")) {
            for (JsonNode i : d.path("items")) {
                item = ONLINE_ITEM.equals(i.path("code").asText()) ? i : item;
            }
        }
        assertTrue(String.valueOf(item), item != null && item.path("online").asLong() >= 1);
        assertTrue(item.toString(), item.path("onlineShare").asDouble() > 0);
        assertEquals("applied online, result posted: zero visits", 1.0, item.path("zeroVisitShare").asDouble(), 0.0);
    }

    private static void awaitNotice(String kind, String reference, String text) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            if (Citizens.notices().stream().anyMatch(n -> kind.equals(n.path("kind").asText()) && reference.equals(n.path("reference").asText())
                    && n.path("text").asText().contains(text))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + kind + " notice about " + reference + " within 20 s");
    }

    @Test
    public void aRejectedAndAWithdrawnApplication() {
        Citizens.Session s = Citizens.signIn(http, Citizens.idNumber("19880808", 6), "13500135002");
        String first = s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"赵六\"}").json().path("caseNo").asText();
        assertEquals(200, s.upload(first, "M01", "身份证.jpg", jpeg()).status);
        assertEquals(200, s.upload(first, "M02", "证明.png", Cases.png("proof")).status);
        assertEquals("SUBMITTED", s.send("POST", "/applications/" + first + "/submission", null).json().path("state").asText());
        assertEquals("INVALID_APPLICATION", http.postJson("/online/pre-review/" + first + "/rejection", "clerk", "{}").code());
        JsonNode rejected = http.postJson("/online/pre-review/" + first + "/rejection", "clerk", "{\"reason\":\"申请人不属于失业保险参保人员\"}").json();
        assertEquals("REJECTED", rejected.path("state").asText());
        assertEquals("REJECTED", http.get("/cases/" + first, "clerk").json().path("status").asText());

        String second = s.send("POST", "/applications", "{\"itemCode\":\"" + ONLINE_ITEM + "\",\"name\":\"赵六\"}").json().path("caseNo").asText();
        assertEquals("WITHDRAWN", s.send("POST", "/applications/" + second + "/withdrawal", null).json().path("state").asText());
        assertEquals("WITHDRAWN", http.get("/cases/" + second, "clerk").json().path("status").asText());
        assertEquals("WRONG_STATE", s.upload(second, "M02", "证明.png", Cases.png("late")).code());
        Http.Answer anonymous = http.upload(Citizens.BASE + "/applications/" + second + "/materials/M02", Map.of(), new String[] {"a.png"},
                new byte[][] {Cases.png("anonymous")});
        assertEquals("an upload without a session is refused before it is read", "SIGN_IN_REQUIRED", anonymous.code());
        Http.Answer forged = http.upload(Citizens.BASE + "/applications/" + second + "/materials/M02", Map.of("Cookie", s.cookie),
                new String[] {"a.png"}, new byte[][] {Cases.png("cross-site")});
        assertEquals("CSRF_REJECTED", forged.code());
    }

    @Test
    public void aFeeIsPaidOnceHoweverTheGatewayRepeatsItselfAndOnlyThenTheCaseIsAccepted() throws Exception {
        Citizens.Session s = Citizens.signIn(http, Citizens.idNumber("19760606", 7), "13300133000");
        String no = awaitingPayment(s);
        JsonNode order = s.get("/applications/" + no + "/payment").json();
        assertEquals("UNPAID", order.path("status").asText());
        assertEquals("80.00", order.path("amount").decimalValue().setScale(2).toPlainString());
        assertEquals("the case waits for the payment", "DRAFT", http.get("/cases/" + no, "clerk").json().path("status").asText());
        assertEquals(401, notification(order.path("orderNo").asText(), "80.00", "not-the-secret", 0).status);
        Http.Answer replayed = notification(order.path("orderNo").asText(), "80.00", GATEWAY_SECRET, 600);
        assertEquals("a notification signed ten minutes ago is refused", "BAD_SIGNATURE", replayed.code());
        assertEquals("DRAFT", http.get("/cases/" + no, "clerk").json().path("status").asText());

        gateway.scenario("{\"duplicates\":2,\"amountDelta\":\"0\",\"dropNotifications\":false}");
        pay(order.path("payUrl").asText());
        JsonNode accepted = awaitState(s, no, "ACCEPTED");
        assertEquals("PAID", accepted.path("payment").path("status").asText());
        assertTrue(accepted.path("payment").path("tradeNo").asText().startsWith("SIM"));
        JsonNode c = http.get("/cases/" + no, "clerk").json();
        assertNotEquals("DRAFT", c.path("status").asText());
        assertEquals(0, c.path("visits").asInt());
        // the gateway sends each notification three times; the order was paid by one of them
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end && duplicates(order.path("orderNo").asText()) < 2) {
            Thread.sleep(100);
        }
        assertEquals(2, duplicates(order.path("orderNo").asText()));
        assertEquals("accepted once", 1, c.path("history").findValues("to").stream().filter(t -> "ACCEPTED".equals(t.asText())).count());
    }

    @Test
    public void aNotificationForAnotherAmountPaysNothingAndReconciliationShowsWhatTheGatewayKnowsAlone() throws Exception {
        Citizens.Session s = Citizens.signIn(http, Citizens.idNumber("19760606", 8), "13300133001");
        String wrong = awaitingPayment(s);
        JsonNode order = s.get("/applications/" + wrong + "/payment").json();
        gateway.scenario("{\"duplicates\":0,\"amountDelta\":\"-0.01\",\"dropNotifications\":false}");
        pay(order.path("payUrl").asText());
        Thread.sleep(1500);
        assertEquals("79.99 does not pay an order of 80.00", "AWAITING_PAYMENT", s.get("/applications/" + wrong).json().path("state").asText());
        assertTrue(gateway.log().contains("NOTIFY_REFUSED orderNo=" + order.path("orderNo").asText()));

        Citizens.Session other = Citizens.signIn(http, Citizens.idNumber("19760606", 9), "13300133002");
        String lost = awaitingPayment(other);
        JsonNode lostOrder = other.get("/applications/" + lost + "/payment").json();
        gateway.scenario("{\"duplicates\":0,\"amountDelta\":\"0\",\"dropNotifications\":true}");
        pay(lostOrder.path("payUrl").asText());
        Thread.sleep(500);
        assertEquals("AWAITING_PAYMENT", other.get("/applications/" + lost).json().path("state").asText());
        gateway.notifyNow("{\"orderNo\":\"" + lostOrder.path("orderNo").asText() + "\",\"forged\":true}");

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertEquals(403, http.get("/online/payments/reconciliation?day=" + today, "clerk").status);
        JsonNode report = http.get("/online/payments/reconciliation?day=" + today, "supervisor").json();
        assertEquals("PAID_AT_GATEWAY_ONLY", mismatch(report, order.path("orderNo").asText()).path("kind").asText());
        assertEquals("PAID_AT_GATEWAY_ONLY", mismatch(report, lostOrder.path("orderNo").asText()).path("kind").asText());
        assertTrue(report.toString(), events(report, "AMOUNT_MISMATCH").contains(order.path("orderNo").asText()));
        assertTrue(report.toString(), events(report, "BAD_SIGNATURE").size() >= 1);

        // the citizen comes back from the gateway: the hall asks it, and the order is paid by the answer
        assertEquals("PAID", other.get("/applications/" + lost + "/payment").json().path("status").asText());
        assertEquals("ACCEPTED", other.get("/applications/" + lost).json().path("state").asText());
        assertEquals("PAID", s.get("/applications/" + wrong + "/payment").json().path("status").asText());
        JsonNode after = http.get("/online/payments/reconciliation?day=" + today, "supervisor").json();
        assertTrue(after.toString(), mismatch(after, lostOrder.path("orderNo").asText()).isMissingNode());
        assertTrue(mismatch(after, order.path("orderNo").asText()).isMissingNode());
        assertEquals(after.path("paidHere").asInt(), after.path("paidAtGateway").asInt());
        gateway.scenario("{\"duplicates\":1,\"amountDelta\":\"0\",\"dropNotifications\":false}");
    }

    /** An application of the fee item, submitted with every material and passed by pre-review: it waits for its fee. */
    private String awaitingPayment(Citizens.Session s) {
        String no = s.send("POST", "/applications", "{\"itemCode\":\"" + FEE_ITEM + "\",\"name\":\"钱七\"}").json().path("caseNo").asText();
        for (String m : List.of("M01", "M02", "M03", "M04")) {
            Http.Answer up = s.upload(no, m, m + ".pdf", Cases.pdf(m + " of " + no));
            assertEquals(up.toString(), 200, up.status);
        }
        assertEquals("SUBMITTED", s.send("POST", "/applications/" + no + "/submission", null).json().path("state").asText());
        JsonNode passed = http.postJson("/online/pre-review/" + no + "/acceptance", "clerk", "").json();
        assertEquals(passed.toString(), "AWAITING_PAYMENT", passed.path("state").asText());
        assertEquals("UNPAID", passed.path("payment").path("status").asText());
        return no;
    }

    /** The citizen's browser at the gateway: the cashier page, then 确认支付, then back to the hall. */
    private static void pay(String payUrl) throws Exception {
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(URI.create(payUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body().contains("80.00"));
        String orderNo = page.body().replaceAll("(?s).*<span id=\"order\">([^<]+)</span>.*", "$1");
        HttpResponse<String> paid = BROWSER.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY_PORT + "/cashier/pay"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("orderNo=" + orderNo)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(303, paid.statusCode());
        assertTrue(paid.headers().firstValue("Location").orElse("").startsWith("http://localhost:" + HTTP_PORT + "/online/"));
    }

    /** A notification as a gateway would send it, signed with {@code secret}, {@code ageSeconds} ago. */
    private Http.Answer notification(String orderNo, String amount, String secret, long ageSeconds) throws Exception {
        String body = "{\"merchant\":\"OW441302\",\"orderNo\":\"" + orderNo + "\",\"tradeNo\":\"FORGED1\",\"amount\":\"" + amount
                + "\",\"status\":\"PAID\",\"paidAt\":\"2026-11-30T02:00:00Z\"}";
        long at = java.time.Instant.now().getEpochSecond() - ageSeconds;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((at + ".").getBytes(StandardCharsets.UTF_8));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return http.exchange("POST", Citizens.BASE + "/payments/notify", Map.of("X-OneWindow-Timestamp", Long.toString(at),
                "X-OneWindow-Signature", signature), body);
    }

    private long duplicates(String orderNo) {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        return events(http.get("/online/payments/reconciliation?day=" + today, "admin").json(), "DUPLICATE").stream()
                .filter(orderNo::equals).count();
    }

    private static List<String> events(JsonNode report, String kind) {
        List<String> out = new ArrayList<>();
        report.path("events").forEach(e -> {
            if (kind.equals(e.path("kind").asText())) {
                out.add(e.path("orderNo").asText());
            }
        });
        return out;
    }

    private static JsonNode mismatch(JsonNode report, String orderNo) {
        return find(report.path("mismatches"), orderNo, "orderNo");
    }

    private static JsonNode awaitState(Citizens.Session s, String caseNo, String state) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        JsonNode app = null;
        while (System.nanoTime() < end) {
            app = s.get("/applications/" + caseNo).json();
            if (state.equals(app.path("state").asText())) {
                return app;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(caseNo + " not " + state + " within 15 s: " + app);
    }

    private static String revocation(String id, String reason) {
        return "{\"idNumber\":\"" + id + "\",\"reason\":\"" + reason + "\"}";
    }

    private Http.Answer realName(String id, String name, String mobile) {
        return http.exchange("POST", Citizens.BASE + "/sign-in/real-name", Map.of(), "{\"idNumber\":\"" + id + "\",\"name\":\"" + name
                + "\",\"mobile\":\"" + mobile + "\"}");
    }

    /** Asks for a code to the citizen's verified mobile; returns the ID number once it is sent. */
    private String sent(String id) {
        Http.Answer a = Citizens.sendCode(http, id);
        assertEquals(a.toString(), 202, a.status);
        return id;
    }

    /** A case taken in by a clerk, with the applicant's phone as noted, through {@code channel}, brought by an agent or not. */
    private static String windowCase(String item, String id, String name, String phone, String channel, boolean byAgent) {
        return "{\"itemCode\":\"" + item + "\",\"channel\":\"" + channel + "\",\"applicant\":{\"idNumber\":\"" + id + "\",\"name\":\""
                + name + "\",\"phone\":\"" + phone + "\"}," + (byAgent ? "\"agent\":{\"idNumber\":\"" + Cases.LI_SI
                + "\",\"name\":\"李四\",\"phone\":\"13300000000\"}," : "") + "\"materials\":[\"M01\",\"M02\"]}";
    }

    private static JsonNode notice(String kind, String reference) {
        return Citizens.notices().stream().filter(n -> kind.equals(n.path("kind").asText()) && reference.equals(n.path("reference").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " about " + reference));
    }

    /** The last slot of the day with places left that has not begun, or null. */
    private String lastOpenSlot(String day, String item) {
        String last = null;
        for (JsonNode slot : http.exchange("GET", Citizens.BASE + "/appointments/slots?day=" + day + "&item=" + item, Map.of(), null).json()) {
            last = slot.path("left").asInt() > 0 ? slot.path("start").asText() : last;
        }
        return last;
    }

    private List<String> days() {
        List<String> out = new ArrayList<>();
        http.exchange("GET", Citizens.BASE + "/appointments/days", Map.of(), null).json().forEach(d -> out.add(d.asText()));
        return out;
    }

    private int left(String day, String item, String start) {
        for (JsonNode slot : http.exchange("GET", Citizens.BASE + "/appointments/slots?day=" + day + "&item=" + item, Map.of(), null).json()) {
            if (start.equals(slot.path("start").asText())) {
                return slot.path("left").asInt();
            }
        }
        throw new AssertionError("no slot " + start + " on " + day);
    }

    /** A day between the first and last bookable ones that is not among them: a weekend or holiday. */
    private static String nonWorkingDayWithin(List<String> days) {
        java.time.LocalDate d = java.time.LocalDate.parse(days.get(0));
        while (days.contains(d.toString())) {
            d = d.plusDays(1);
        }
        return d.toString();
    }

    private static String booking(String item, String day, String start, String name) {
        return "{\"itemCode\":\"" + item + "\",\"day\":\"" + day + "\",\"start\":\"" + start + "\",\"name\":\"" + name + "\"}";
    }

    private static JsonNode find(JsonNode list, String code) {
        return find(list, code, "code");
    }

    private static JsonNode find(JsonNode list, String value, String field) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode material(JsonNode app, String code) {
        return find(app.path("materials"), code);
    }

    private static byte[] jpeg() {
        return Cases.jpeg("id card " + System.nanoTime());
    }

    private static String karafLog() throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Paths.get(System.getProperty("karaf.data"), "log", "karaf.log"));
    }
}
