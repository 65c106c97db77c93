package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.supervision.SupervisionService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.util.Filter;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The local back office (demo departments are all local): the queue, decisions, supplements,
 * extensions, department scoping, and the yellow and red cards on a clock the test moves.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BackOfficeIT extends OneWindowTestSupport {
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");

    // as long as BootFinished may take: on a busy machine these come well after the test starts (10 s is the default)
    @Inject
    @Filter(timeout = 180_000)
    WorkingCalendar calendar;

    @Inject
    @Filter(timeout = 180_000)
    SupervisionService supervision;

    @Configuration
    public Option[] config() {
        return appliance(
                // a reviewer of the market regulator only
                user("sjreviewer", "sjreviewer-demo", "reviewer,dept-SJ"),
                // the cards move only when the test moves the clock
                editConfigurationFilePut("etc/org.onewindow.supervision.cfg", "intervalSeconds", "0"));
    }

    @Before
    public void apiUp() throws InterruptedException {
        awaitApi();
    }

    @Test
    public void theDepartmentsReviewerDecidesWithinTheWorkingDayDeadline() {
        JsonNode item = Cases.item(http, "GA", 3);
        JsonNode accepted = Cases.accepted(http, item, Cases.ZHANG_SAN);
        String no = accepted.path("caseNo").asText();
        LocalDate today = LocalDate.now(HALL);
        assertEquals(today.toString(), accepted.path("timeLimit").path("acceptedOn").asText());
        assertEquals("deadline counts working days of the official calendar",
                calendar.plusWorkingDays(today, item.path("timeLimitDays").asInt()).toString(),
                accepted.path("timeLimit").path("deadline").asText());
        assertTrue(http.get("/cases/" + no + "/receipt", "clerk").body.contains(accepted.path("timeLimit").path("deadline").asText()));

        JsonNode inReview = Cases.awaitStatus(http, no, "IN_REVIEW");
        assertEquals("LOCAL", inReview.path("route").asText());
        assertTrue(queue("reviewer", "").contains(no));
        assertFalse("another department's reviewer does not see it", queue("sjreviewer", "").contains(no));
        assertEquals(403, http.get("/review/queue?department=GA", "sjreviewer").status);
        assertEquals(403, http.get("/review/queue", "clerk").status);

        String deny = "{\"outcome\":\"DENIED\",\"reason\":\"不符合迁入条件\",\"legalBasis\":\"《户口登记条例》第十三条\"}";
        Http.Answer stranger = http.postJson("/cases/" + no + "/decision", "sjreviewer", deny);
        assertEquals(stranger.toString(), 403, stranger.status);
        assertEquals("NOT_YOUR_DEPARTMENT", stranger.code());
        assertEquals(403, http.postJson("/cases/" + no + "/decision", "clerk", deny).status);
        Http.Answer noBasis = http.postJson("/cases/" + no + "/decision", "reviewer", "{\"outcome\":\"DENIED\",\"reason\":\"不符合\"}");
        assertEquals(400, noBasis.status);
        assertEquals("INVALID_DECISION", noBasis.code());
        assertEquals(400, http.postJson("/cases/" + no + "/decision", "reviewer", "{\"outcome\":").status);
        assertEquals("nothing changed by refused decisions", "IN_REVIEW", http.get("/cases/" + no, "reviewer").json().path("status").asText());

        JsonNode denied = http.postJson("/cases/" + no + "/decision", "reviewer", deny).json();
        assertEquals("DENIED", denied.path("status").asText());
        assertEquals("《户口登记条例》第十三条", denied.path("decision").path("legalBasis").asText());
        assertTrue(denied.path("timeLimit").path("inTime").asBoolean());
        assertEquals(0, denied.path("timeLimit").path("workingDaysUsed").asInt());
        Http.Answer twice = http.postJson("/cases/" + no + "/decision", "reviewer", deny);
        assertEquals(409, twice.status);
        assertEquals("ALREADY_DECIDED", twice.code());
    }

    @Test
    public void aSupplementStopsTheClockAndAnExtensionMovesTheDeadline() {
        JsonNode item = Cases.item(http, "GA", 3);
        String no = Cases.accepted(http, item, Cases.LI_SI).path("caseNo").asText();
        Cases.awaitStatus(http, no, "IN_REVIEW");
        String listed = item.path("materials").get(0).path("code").asText();

        Http.Answer beyond = http.postJson("/cases/" + no + "/supplement", "reviewer", "{\"materials\":[\"" + listed + "\",\"M99\"]}");
        assertEquals(beyond.toString(), 400, beyond.status);
        assertEquals("MATERIAL_NOT_IN_CATALOG", beyond.code());
        assertEquals("IN_REVIEW", http.get("/cases/" + no, "reviewer").json().path("status").asText());
        JsonNode board = http.get("/supervision/cards", "supervisor").json();
        assertTrue("the demand beyond the catalog is a red card: " + board, has(board, no, "VIOLATION", "RED"));

        JsonNode suspended = http.postJson("/cases/" + no + "/supplement", "reviewer", "{\"materials\":[\"" + listed + "\"]}").json();
        assertEquals("SUPPLEMENT_REQUESTED", suspended.path("status").asText());
        LocalDate today = LocalDate.now(HALL);
        assertEquals(today.toString(), suspended.path("timeLimit").path("suspendedSince").asText());
        String deadline = suspended.path("timeLimit").path("deadline").asText();

        assertEquals(200, http.postJson("/cases/" + no + "/received-materials", "clerk", "{\"materials\":[\"" + listed + "\"]}").status);
        JsonNode resumed = http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("IN_REVIEW")).json();
        assertEquals("IN_REVIEW", resumed.path("status").asText());
        assertEquals("brought the same day: the deadline stays", deadline, resumed.path("timeLimit").path("deadline").asText());
        assertTrue(resumed.path("timeLimit").path("suspendedSince").isMissingNode() || resumed.path("timeLimit").path("suspendedSince").isNull());

        Http.Answer unapproved = http.postJson("/cases/" + no + "/extension", "reviewer", "{\"days\":3,\"reason\":\"需现场核查\"}");
        assertEquals(400, unapproved.status);
        assertEquals("INVALID_EXTENSION", unapproved.code());
        // art. 42 of the Administrative Licensing Law, the rule of an item that names none: once, at most 10 working days
        Http.Answer tooLong = http.postJson("/cases/" + no + "/extension", "reviewer",
                "{\"days\":30,\"reason\":\"需现场核查\",\"approvedBy\":\"王局长\"}");
        assertEquals(tooLong.toString(), 400, tooLong.status);
        assertEquals("EXTENSION_TOO_LONG", tooLong.code());
        JsonNode extended = http.postJson("/cases/" + no + "/extension", "reviewer",
                "{\"days\":3,\"reason\":\"需现场核查\",\"approvedBy\":\"王局长\"}").json();
        assertEquals(calendar.plusWorkingDays(LocalDate.parse(deadline), 3).toString(), extended.path("timeLimit").path("deadline").asText());
        assertEquals(3, extended.path("timeLimit").path("extendedDays").asInt());
        assertEquals(1, extended.path("timeLimit").path("extensions").asInt());
        assertEquals(LocalDate.now(HALL).toString(), extended.path("timeLimit").path("extendedOn").asText());
        Http.Answer again = http.postJson("/cases/" + no + "/extension", "reviewer",
                "{\"days\":3,\"reason\":\"再次核查\",\"approvedBy\":\"王局长\"}");
        assertEquals(again.toString(), 409, again.status);
        assertEquals("EXTENSION_LIMIT_REACHED", again.code());
        assertTrue(again.toString(), again.json().path("message").asText().contains("行政许可法》第四十二条"));
        assertEquals("nothing moved by the refusals", 3, http.get("/cases/" + no, "reviewer").json().path("timeLimit").path("extendedDays").asInt());
        String receipt = http.get("/cases/" + no + "/receipt", "clerk").body;
        assertTrue(receipt, receipt.contains(extended.path("timeLimit").path("deadline").asText() + "（含）前（已于 "
                + LocalDate.now(HALL) + " 经批准延期 3 个工作日）"));

        JsonNode approved = http.postJson("/cases/" + no + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"准予迁入决定书\",\"licenceNo\":\"GA-2026-0001\"}").json();
        assertEquals("APPROVED", approved.path("status").asText());
        assertEquals("GA-2026-0001", approved.path("decision").path("licenceNo").asText());
    }

    @Test
    public void cardsChangeColourWhenTheClockMoves() {
        JsonNode item = Cases.item(http, "GA", 5);
        JsonNode accepted = Cases.accepted(http, item, Cases.ZHANG_SAN);
        String no = accepted.path("caseNo").asText();
        Cases.awaitStatus(http, no, "IN_REVIEW");
        LocalDate deadline = LocalDate.parse(accepted.path("timeLimit").path("deadline").asText());

        supervision.run(Instant.now());
        assertFalse("plenty of time: green, no card", has(http.get("/supervision/cards", "supervisor").json(), no, "DEADLINE", null));

        LocalDate lastButOne = deadline.minusDays(1);
        while (!calendar.isWorkingDay(lastButOne)) {
            lastButOne = lastButOne.minusDays(1);
        }
        supervision.run(noon(lastButOne));
        JsonNode yellow = http.get("/supervision/cards?color=YELLOW", "supervisor").json();
        assertTrue("one working day left: yellow " + yellow, has(yellow, no, "DEADLINE", "YELLOW"));
        assertEquals(1, card(yellow, no).path("workingDaysLeft").asInt());
        assertEquals("GA", card(yellow, no).path("departmentCode").asText());

        supervision.run(noon(calendar.plusWorkingDays(deadline, 1)));
        JsonNode red = http.get("/supervision/cards?color=RED&department=GA", "supervisor").json();
        assertTrue("over the deadline: red " + red, has(red, no, "DEADLINE", "RED"));
        assertEquals(-1, card(red, no).path("workingDaysLeft").asInt());
        assertEquals(403, http.get("/supervision/cards", "clerk").status);
        assertEquals(400, http.get("/supervision/cards?color=PINK", "supervisor").status);
        String shell = captureShell("onewindow:cards --color RED --department GA");
        assertTrue(shell, shell.contains(no) && shell.contains("1 working days overdue"));

        http.postJson("/cases/" + no + "/decision", "reviewer", "{\"outcome\":\"APPROVED\",\"resultDocument\":\"决定书\"}");
        supervision.run(noon(calendar.plusWorkingDays(deadline, 1)));
        assertFalse("decided: the card goes", has(http.get("/supervision/cards", "supervisor").json(), no, "DEADLINE", null));

        JsonNode stats = http.get("/supervision/stats", "supervisor").json();
        JsonNode ga = null;
        for (JsonNode d : stats.path("departments")) {
            if ("GA".equals(d.path("code").asText())) {
                ga = d;
            }
        }
        assertNotNull(stats.toString(), ga);
        assertTrue(ga.path("accepted").asLong() >= 1);
        assertTrue(ga.path("decided").asLong() >= 1);
        assertTrue(ga.path("items").size() >= 1);
        assertTrue(stats.path("total").path("inTimeRate").isNumber());
        assertEquals(403, http.get("/supervision/stats", "clerk").status);
    }

    private String captureShell(String command) {
        try {
            return shell(command);
        } catch (Exception e) {
            throw new AssertionError(command, e);
        }
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(HALL).toInstant();
    }

    /** Whoever reads a case over the API reads ID numbers masked; the relay and the papers the law needs them on get them whole. */
    @Test
    public void peopleReadIdNumbersMaskedOverTheCaseApi() {
        JsonNode accepted = Cases.accepted(http, Cases.item(http, "GA", 3), Cases.LI_SI);
        String no = accepted.path("caseNo").asText();
        assertEquals("the acceptance's answer", "110105********002X", accepted.path("applicant").path("idNumber").asText());
        Cases.awaitStatus(http, no, "IN_REVIEW");
        String handedOut = Cases.readyInstant(http, Cases.LI_SI, "李四", null, Cases.ZHANG_SAN, "张三");
        for (String user : List.of("clerk", "reviewer", "supervisor", "admin")) {
            for (String path : List.of("/cases/" + no, "/cases/" + handedOut, "/cases?size=100", "/cases?size=100&applicant=" + Cases.LI_SI)) {
                Http.Answer a = http.get(path, user);
                assertEquals(user + " " + a, 200, a.status);
                assertFalse(user + " reads a whole ID number at " + path, a.body.contains(Cases.LI_SI) || a.body.contains(Cases.ZHANG_SAN));
            }
            assertEquals("441302********1238", http.get("/cases/" + handedOut, user).json().path("agent").path("idNumber").asText());
        }
        assertFalse("the review queue", queue("reviewer", "").contains(Cases.LI_SI));
        JsonNode moved = http.postJson("/cases/" + handedOut + "/transitions", "clerk", "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + Cases.LI_SI + "\"}").json();
        assertFalse("a move's answer " + moved, moved.toString().contains(Cases.LI_SI));
    }

    private String queue(String user, String query) {
        Http.Answer a = http.get("/review/queue?size=200" + query, user);
        assertEquals(a.toString(), 200, a.status);
        return a.body;
    }

    private static boolean has(JsonNode board, String caseNo, String kind, String color) {
        for (JsonNode c : board.path("cards")) {
            if (caseNo.equals(c.path("caseNo").asText()) && kind.equals(c.path("kind").asText())
                    && (color == null || color.equals(c.path("color").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode card(JsonNode board, String caseNo) {
        for (JsonNode c : board.path("cards")) {
            if (caseNo.equals(c.path("caseNo").asText()) && "DEADLINE".equals(c.path("kind").asText())) {
                return c;
            }
        }
        throw new AssertionError("no card for " + caseNo + " in " + board);
    }
}
