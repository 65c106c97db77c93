package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hall's queue (排队叫号) on the built appliance: numbers from the kiosk, the desk and an appointment's check-in; twenty
 * windows calling at once; the hall screen's board; the shell; the feature swapped out mid-day and back. Each test works in
 * a queue group of its own, as they share the appliance.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class QueueIT extends OneWindowTestSupport {
    private static final String PUBLIC = "/public/queue";

    @Inject
    FeaturesService features;

    @Configuration
    public Option[] config() {
        return appliance();
    }

    private Http.Answer kiosk(String json) {
        return http.exchange("POST", PUBLIC + "/tickets", Map.of(), json);
    }

    @Test
    public void aCitizenTakesANumberAtTheKioskWithoutLoginAndOneWaitingNumberPerGroup() throws Exception {
        awaitApi();
        JsonNode groups = http.exchange("GET", PUBLIC + "/groups", Map.of(), null).json();
        assertTrue(groups.toString(), groups.toString().contains("\"code\":\"SOCIAL\""));
        String id = Citizens.idNumber("19600101", 41);
        Http.Answer taken = kiosk("{\"itemCode\":\"RS-SB-003\",\"idNumber\":\"" + id + "\",\"mobile\":\"13800138041\"}");
        assertEquals(taken.toString(), 200, taken.status);
        JsonNode ticket = taken.json();
        assertEquals("the item's department (RS) is served by the social security group", "SOCIAL", ticket.path("group").asText());
        assertTrue(ticket.path("number").asText(), ticket.path("number").asText().matches("C\\d{3}"));
        assertEquals("KIOSK", ticket.path("source").asText());
        assertFalse("never the whole ID number: " + ticket, ticket.toString().contains(id));
        Http.Answer again = kiosk("{\"group\":\"SOCIAL\",\"idNumber\":\"" + id + "\"}");
        assertEquals(again.toString(), 409, again.status);
        assertEquals("ALREADY_WAITING", again.code());
        assertEquals("INVALID_ID_NUMBER", kiosk("{\"group\":\"SOCIAL\",\"idNumber\":\"123\"}").code());
        assertEquals("GROUP_NOT_FOUND", kiosk("{\"group\":\"NOPE\"}").code());
        assertEquals("INVALID_TEXT", kiosk("{\"group\":\"SOCIAL\\u202e\"}").code());

        // the number looked up without login: its place, no personal data
        JsonNode looked = http.exchange("GET", PUBLIC + "/tickets/" + ticket.path("number").asText(), Map.of(), null).json();
        assertEquals("WAITING", looked.path("status").asText());
        assertFalse(looked.toString(), looked.has("citizen"));

        // the desk (导服台) takes one for a citizen; only a clerk does
        Http.Answer desk = http.postJson("/queue/tickets", "clerk", "{\"group\":\"SOCIAL\"}");
        assertEquals(desk.toString(), 200, desk.status);
        assertEquals("DESK", desk.json().path("source").asText());
        assertEquals(1, desk.json().path("ahead").asInt() - ticket.path("ahead").asInt());
        assertEquals(403, http.postJson("/queue/tickets", "supervisor", "{\"group\":\"SOCIAL\"}").status);
        assertEquals(401, http.exchange("POST", "/queue/tickets", Map.of(), "{\"group\":\"SOCIAL\"}").status);
        JsonNode list = http.get("/queue/tickets?group=SOCIAL", "supervisor").json();
        assertEquals(list.toString(), ticket.path("number").asText(), list.get(0).path("number").asText());
        assertEquals(masked(id), list.get(0).path("citizen").asText());
    }

    @Test
    public void twentyClerksCallingAtOnceCallEveryTicketOnce() throws Exception {
        awaitApi();
        assertEquals(200, http.putJson("/queue/groups/LOAD", "admin",
                "{\"code\":\"LOAD\",\"prefix\":\"L\",\"name\":\"压力测试\",\"priority\":false,\"departments\":[],\"items\":[\"IT-NONE\"]}").status);
        assertEquals(403, http.putJson("/queue/groups/LOAD", "supervisor",
                "{\"code\":\"LOAD\",\"prefix\":\"L\",\"name\":\"x\",\"priority\":false,\"departments\":[],\"items\":[]}").status);
        List<String> clerks = new ArrayList<>();
        for (int w = 21; w <= 40; w++) {
            String name = "queue" + w;
            assertEquals(201, http.postJson("/users", "security", "{\"name\":\"" + name + "\",\"password\":\"Queue-Clerk-2026\",\"roles\":[\"clerk\"]}").status);
            // the first password opens only the account: the clerk sets their own
            assertEquals(204, http.putJson("/account/password", name + ":Queue-Clerk-2026",
                    "{\"current\":\"Queue-Clerk-2026\",\"password\":\"Queue-Window-2026\"}").status);
            assertEquals(200, http.putJson("/queue/windows/" + w, "supervisor", "{\"groups\":[\"LOAD\"]}").status);
            clerks.add(name + ":Queue-Window-2026");
            assertEquals(200, http.post("/queue/windows/" + w + "/sign-in", clerks.get(clerks.size() - 1), "application/json", new byte[0]).status);
        }
        int tickets = 300;
        for (int i = 0; i < tickets; i++) {
            assertEquals(200, http.postJson("/queue/tickets", "clerk", "{\"group\":\"LOAD\"}").status);
        }
        Set<String> called = ConcurrentHashMap.newKeySet();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String clerk : clerks) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    while (true) {
                        long began = System.nanoTime();
                        Http.Answer a = http.post("/queue/window/call", clerk, "application/json", new byte[0]);
                        millis.add((System.nanoTime() - began) / 1_000_000);
                        if (a.status == 404 && "NO_TICKET_WAITING".equals(a.code())) {
                            return;
                        }
                        if (a.status != 200 || !called.add(a.json().path("number").asText())) {
                            wrong.add(a.toString());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    wrong.add(e.toString());
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(120_000);
        }
        assertEquals(List.of(), wrong);
        Set<String> all = new HashSet<>();
        for (int i = 1; i <= tickets; i++) {
            all.add(String.format("L%03d", i));
        }
        assertEquals("every ticket called, none twice", all, called);
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("20 windows, %d tickets: call p50 %d ms, p99 %d ms (figures only; the benchmark measures)%n", tickets,
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)));
    }

    @Test
    public void aCallReachesTheHallScreensBoardAndTheShell() throws Exception {
        awaitApi();
        // a group and window of its own: another test's check-in may leave a 公安户政 number waiting
        assertEquals(200, http.putJson("/queue/groups/BOARD", "admin",
                "{\"code\":\"BOARD\",\"prefix\":\"W\",\"name\":\"大厅屏测试\",\"priority\":false,\"departments\":[],\"items\":[]}").status);
        assertEquals(200, http.putJson("/queue/windows/42", "supervisor", "{\"groups\":[\"BOARD\",\"PRIORITY\"]}").status);
        String number = http.postJson("/queue/tickets", "clerk", "{\"group\":\"BOARD\"}").json().path("number").asText();
        assertEquals("NOT_AT_A_WINDOW", http.post("/queue/window/call", "clerk", "application/json", new byte[0]).code());
        assertEquals(200, http.post("/queue/windows/42/sign-in", "clerk", "application/json", new byte[0]).status);
        JsonNode called = http.post("/queue/window/call", "clerk", "application/json", new byte[0]).json();
        assertEquals(number, called.path("number").asText());
        assertEquals(42, called.path("window").asInt());
        JsonNode board = http.exchange("GET", PUBLIC + "/board", Map.of(), null).json();
        assertEquals(board.toString(), number, board.path("calls").get(0).path("number").asText());
        assertEquals(42, board.path("calls").get(0).path("window").asInt());
        assertFalse("no clerk's name on the hall screen: " + board, board.toString().contains("\"clerk\""));
        assertEquals(2, http.post("/queue/window/recall", "clerk", "application/json", new byte[0]).json().path("calls").asInt());
        String windows = shell("onewindow:window-list");
        assertTrue(windows, windows.contains("BOARD,PRIORITY") && windows.contains(number));
        String status = shell("onewindow:queue-status");
        assertTrue(status, status.contains("大厅屏测试") && status.contains(number + " -> window 42"));
        assertEquals("DONE", http.post("/queue/window/finish", "clerk", "application/json", new byte[0]).json().path("status").asText());
        assertEquals("CLOSED", http.post("/queue/window/sign-out", "clerk", "application/json", new byte[0]).json().path("state").asText());
    }

    @Test
    public void anAppointmentCheckedInAtTheDeskGetsATicket() throws Exception {
        awaitApi();
        assertEquals("APPOINTMENT_NOT_FOUND", http.postJson("/queue/check-ins", "clerk", "{\"code\":\"YYNOSUCH1\"}").code());
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String slot = null;
        for (JsonNode s : http.exchange("GET", Citizens.BASE + "/appointments/slots?day=" + today + "&item=GA-HJ-001", Map.of(), null).json()) {
            slot = s.path("left").asInt() > 0 ? s.path("start").asText() : slot;
        }
        if (slot == null) {
            System.out.println("no appointment slot left today: the check-in was checked for its refusal only");
            return;
        }
        Citizens.Session s = Citizens.signIn(http, Citizens.idNumber("19700707", 43), "13712340043");
        String code = s.send("POST", "/appointments", "{\"itemCode\":\"GA-HJ-001\",\"day\":\"" + today + "\",\"start\":\"" + slot
                + "\",\"name\":\"赵六\"}").json().path("code").asText();
        JsonNode ticket = http.postJson("/queue/check-ins", "clerk", "{\"code\":\"" + code + "\"}").json();
        assertEquals(ticket.toString(), "APPOINTMENT", ticket.path("source").asText());
        assertEquals("POLICE", ticket.path("group").asText());
        assertEquals("checked in once", "APPOINTMENT_NOT_FOUND", http.postJson("/queue/check-ins", "clerk", "{\"code\":\"" + code + "\"}").code());
    }

    @Test
    public void theFeatureSwapsOutMidDayAndBackWithTheDaysQueue() throws Exception {
        awaitApi();
        String number = kiosk("{\"group\":\"BUSINESS\"}").json().path("number").asText();
        EnumSet<FeaturesService.Option> noRefresh = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
        features.uninstallFeature("onewindow-queue", noRefresh);
        assertEquals(404, http.exchange("GET", PUBLIC + "/groups", Map.of(), null).status);
        assertEquals("the window works without tickets", 201, http.postJson("/cases", "clerk", Cases.open("RS-SB-003", Cases.ZHANG_SAN)).status);
        features.installFeature("onewindow-queue", noRefresh);
        http.awaitOk(PUBLIC + "/groups", null, Duration.ofSeconds(60));
        JsonNode kept = http.exchange("GET", PUBLIC + "/tickets/" + number, Map.of(), null).json();
        assertEquals(kept.toString(), "WAITING", kept.path("status").asText());
        String next = kiosk("{\"group\":\"BUSINESS\"}").json().path("number").asText();
        assertEquals("numbering goes on", Integer.parseInt(number.substring(1)) + 1, Integer.parseInt(next.substring(1)));
    }

    @Test
    public void aCaseOpenedFromACalledTicketIsFilledInFromItAndItsAcceptanceEndsTheService() throws Exception {
        awaitApi();
        JsonNode item = Cases.item(http, "RS", 1);
        String code = item.path("code").asText();
        assertEquals(200, http.putJson("/queue/groups/CASES", "admin",
                "{\"code\":\"CASES\",\"prefix\":\"K\",\"name\":\"按号收件\",\"priority\":false,\"departments\":[],\"items\":[]}").status);
        assertEquals(200, http.putJson("/queue/windows/41", "admin", "{\"groups\":[\"CASES\"]}").status);
        String id = Citizens.idNumber("19800808", 44);
        String number = kiosk("{\"group\":\"CASES\",\"itemCode\":\"" + code + "\",\"idNumber\":\"" + id
                + "\",\"mobile\":\"13800138044\"}").json().path("number").asText();
        // a second citizen left a mobile: once the first is called, nobody waits before them and a text says so (无声叫号)
        String second = kiosk("{\"group\":\"CASES\",\"mobile\":\"13800138046\"}").json().path("number").asText();
        assertEquals(200, http.post("/queue/windows/41/sign-in", "clerk", "application/json", new byte[0]).status);
        assertEquals(number, http.post("/queue/window/call", "clerk", "application/json", new byte[0]).json().path("number").asText());
        long told = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Citizens.noticesTo("13800138046").isEmpty() && System.nanoTime() < told) {
            Thread.sleep(100);
        }
        List<JsonNode> texts = Citizens.noticesTo("13800138046");
        assertEquals(texts.toString(), 1, texts.size());
        assertEquals("QUEUE_TURN", texts.get(0).path("kind").asText());
        assertTrue(texts.get(0).path("text").asText(), texts.get(0).path("text").asText().contains(second + " 号（按号收件）下一位就是您"));

        // what the citizen gave at the kiosk, whole, for the intake form: only to the window that called it, and audited
        assertEquals(403, http.get("/queue/window/current/intake", "supervisor").status);
        JsonNode intake = http.get("/queue/window/current/intake", "clerk").json();
        assertEquals(intake.toString(), code, intake.path("itemCode").asText());
        assertEquals(id, intake.path("idNumber").asText());
        assertEquals("13800138044", intake.path("mobile").asText());
        JsonNode read = http.get("/audit?action=QUEUE_TICKET_CITIZEN_READ&citizen=" + id, "auditor").json().path("records");
        assertEquals(read.toString(), 1, read.size());
        assertEquals("clerk", read.get(0).path("actor").asText());

        String caseNo = Cases.opened(http, item, intake.path("idNumber").asText());
        assertEquals("CASE_NOT_FOUND", http.postJson("/queue/window/case", "clerk", "{\"caseNo\":\"NO-SUCH-CASE\"}").code());
        assertEquals("INVALID_CASE", http.postJson("/queue/window/case", "clerk", "{}").code());
        JsonNode served = http.postJson("/queue/window/case", "clerk", "{\"caseNo\":\"" + caseNo + "\"}").json();
        assertEquals(served.toString(), caseNo, served.path("caseNo").asText());
        assertEquals("CALLED", served.path("status").asText());

        // accepted at the window: the ticket's service ends by itself, and the window is free for the next number
        assertEquals(200, http.postJson("/cases/" + caseNo + "/transitions", "clerk", Cases.to("ACCEPTED")).status);
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String status = "";
        while (System.nanoTime() < end && !status.equals("DONE")) {
            Thread.sleep(200);
            status = http.exchange("GET", PUBLIC + "/tickets/" + number, Map.of(), null).json().path("status").asText();
        }
        assertEquals("the acceptance ended the service", "DONE", status);
        JsonNode window = null;
        for (JsonNode w : http.get("/queue/windows", "clerk").json()) {
            window = w.path("no").asInt() == 41 ? w : window;
        }
        assertTrue(String.valueOf(window), window != null && !window.hasNonNull("currentNumber"));
        assertEquals("CLOSED", http.post("/queue/window/sign-out", "clerk", "application/json", new byte[0]).json().path("state").asText());

        // the day's report counts them: two numbers of the group, one served
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode report = http.get("/queue/reports?from=" + today + "&to=" + today, "supervisor").json();
        JsonNode day = report.path("days").get(0);
        assertEquals(report.toString(), today, day.path("day").asText());
        JsonNode cases = null;
        for (JsonNode g : day.path("groups")) {
            cases = "CASES".equals(g.path("code").asText()) ? g : cases;
        }
        assertEquals(String.valueOf(cases), 2, cases.path("taken").asInt());
        assertEquals(1, cases.path("served").asInt());
        assertEquals(7, report.path("weekdays").size());
        assertEquals(403, http.get("/queue/reports", "clerk").status);
        assertEquals("INVALID_PERIOD", http.get("/queue/reports?from=" + today + "&to=2020-01-01", "supervisor").code());
        assertEquals("INVALID_PERIOD", http.get("/queue/reports?from=yesterday", "supervisor").code());
    }

    /** The ID number as the staff's lists show it. */
    private static String masked(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }
}
