package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 好差评 on the built appliance: a rating from each channel (the pad bound to a window, the kiosk, the online hall, a text's
 * link), one per case and stage, staff refused; a bad rating worked through verify → put right → follow-up, a late step
 * red; the figures counting the ratings, kept across the feature's removal. Each test works on cases of its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EvaluationIT extends OneWindowTestSupport {
    private static final String PUBLIC = "/public/evaluation";

    @Inject
    @Filter(timeout = 180_000)
    FeaturesService features;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=onewindow)", timeout = 180_000)
    DataSource dataSource;

    @Configuration
    public Option[] config() {
        return appliance();
    }

    private Http.Answer open(String method, String path, Map<String, String> headers, String json) {
        return http.exchange(method, PUBLIC + path, headers, json);
    }

    private static Map<String, String> basic(String user) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits up to 15 s for what {@code probe} answers to be non-null. */
    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T found = probe.get();
        while (found == null && System.nanoTime() < end) {
            Thread.sleep(200);
            found = probe.get();
        }
        if (found == null) {
            throw new AssertionError(what + " not seen within 15 s");
        }
        return found;
    }

    /**
     * The stages of a case the kiosk offers, once the evaluation has read the case's moves (waited for in the database: the
     * kiosk's look-ups are limited per client address, and every test's come from the same).
     */
    private JsonNode stages(String caseNo, String idSuffix, int count) throws InterruptedException {
        await(count + " stage(s) of " + caseNo, () -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM EVAL_SERVICE WHERE CASE_NO = ?")) {
                s.setString(1, caseNo);
                try (java.sql.ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1) == count ? "seen" : null;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode s = open("GET", "/cases/" + caseNo + "?idSuffix=" + idSuffix, Map.of(), null).json();
        assertEquals(s.toString(), count, s.size());
        return s;
    }

    private static String rating(String stage, int level, String reasons) {
        return "{\"stage\":" + (stage == null ? "null" : "\"" + stage + "\"") + ",\"level\":" + level
                + (reasons == null ? "" : ",\"reasons\":[" + reasons + "]") + "}";
    }

    @Test
    public void aPadTheAdministratorBoundRatesTheHandOutAtItsWindowAndTheTextsLinkIsThenSpent() throws Exception {
        awaitApi();
        JsonNode pad = open("POST", "/pads", Map.of(), null).json();
        String token = pad.path("token").asText();
        Map<String, String> device = Map.of("X-Pad-Token", token);
        JsonNode shown = open("GET", "/pad", device, null).json();
        assertFalse(shown.toString(), shown.path("bound").asBoolean());
        assertEquals(pad.path("pairingCode").asText(), shown.path("pairingCode").asText());
        assertEquals("PAD_UNKNOWN", open("GET", "/pad", Map.of("X-Pad-Token", "forged"), null).code());
        String bind = "/evaluation/pads/" + pad.path("id").asLong() + "/bind";
        assertEquals(403, http.postJson(bind, "supervisor", "{\"pairingCode\":\"" + pad.path("pairingCode").asText() + "\",\"windowNo\":51}").status);
        String wrong = pad.path("pairingCode").asText().equals("000000") ? "111111" : "000000";
        assertEquals("PAIRING_CODE_MISMATCH", http.postJson(bind, "admin", "{\"pairingCode\":\"" + wrong + "\",\"windowNo\":51}").code());
        assertEquals(200, http.postJson(bind, "admin", "{\"pairingCode\":\"" + pad.path("pairingCode").asText() + "\",\"windowNo\":51}").status);
        JsonNode bound = http.get("/audit?action=RATING_PAD_BOUND", "auditor").json().path("records");
        assertTrue(bound.toString(), bound.size() >= 1);

        // the clerk serves at window 51 and hands out an instant item's result
        assertEquals(200, http.putJson("/queue/windows/51", "admin", "{\"groups\":[\"GENERAL\"]}").status);
        assertEquals(200, http.post("/queue/windows/51/sign-in", "clerk", "application/json", new byte[0]).status);
        String applicant = Citizens.idNumber("19850505", 51);
        String caseNo = Cases.readyInstant(http, applicant, "王五", "13800138051", null, null);
        String pickup = http.get("/cases/" + caseNo, "clerk").json().path("pickupCode").asText();
        assertEquals(200, http.postJson("/cases/" + caseNo + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + pickup + "\"}").status);
        JsonNode service = await("the hand-out on the pad", () -> {
            JsonNode s = open("GET", "/pad", device, null).json().path("service");
            return "DELIVERY".equals(s.path("stage").asText()) && caseNo.equals(s.path("caseNo").asText()) ? s : null;
        });
        http.post("/queue/window/sign-out", "clerk", "application/json", new byte[0]);
        assertEquals(51, service.path("windowNo").asInt());
        assertEquals(4, service.path("indicators").size());
        assertFalse("nothing personal on the pad: " + service, service.toString().contains(applicant.substring(12)));

        // the text sent at hand-out carries a one-time link
        JsonNode text = await("the invitation text", () -> Citizens.noticesTo("13800138051").stream()
                .filter(n -> "RATING_INVITATION".equals(n.path("kind").asText())).findFirst().orElse(null));
        String link = text.path("text").asText().replaceAll(".*/rate/link\\.html#([A-Za-z0-9_-]+).*", "$1");
        assertEquals("DELIVERY", open("GET", "/links/" + link, Map.of(), null).json().path("stage").asText());

        Map<String, String> staffPad = new java.util.HashMap<>(basic("clerk"));
        staffPad.put("X-Pad-Token", token);
        assertEquals("STAFF_REFUSED", open("POST", "/pad/ratings", staffPad, "{\"caseNo\":\"" + caseNo + "\",\"stage\":\"DELIVERY\",\"level\":5}").code());
        Http.Answer rated = open("POST", "/pad/ratings", device, "{\"caseNo\":\"" + caseNo + "\",\"stage\":\"DELIVERY\",\"level\":5,"
                + "\"indicators\":{\"SERVICE_ATTITUDE\":5,\"SERVICE_EFFICIENCY\":4}}");
        assertEquals(rated.toString(), 200, rated.status);
        assertEquals("非常满意", rated.json().path("levelLabel").asText());
        assertFalse("the pad shows its welcome again", open("GET", "/pad", device, null).json().hasNonNull("service"));
        Http.Answer again = open("POST", "/links/" + link, Map.of(), rating(null, 1, "\"ATTITUDE\""));
        assertEquals(again.toString(), 409, again.status);
        assertEquals("ALREADY_RATED", again.code());
        assertTrue(open("GET", "/links/" + link, Map.of(), null).json().path("rated").asBoolean());
    }

    @Test
    public void aNumberServedWithoutACaseIsRatedAtThePadOfItsWindow() throws Exception {
        awaitApi();
        JsonNode pad = open("POST", "/pads", Map.of(), null).json();
        Map<String, String> device = Map.of("X-Pad-Token", pad.path("token").asText());
        assertEquals(200, http.postJson("/evaluation/pads/" + pad.path("id").asLong() + "/bind", "admin",
                "{\"pairingCode\":\"" + pad.path("pairingCode").asText() + "\",\"windowNo\":52}").status);
        assertEquals(200, http.putJson("/queue/groups/ASK", "admin",
                "{\"code\":\"ASK\",\"prefix\":\"Q\",\"name\":\"咨询\",\"priority\":false,\"departments\":[],\"items\":[]}").status);
        assertEquals(200, http.putJson("/queue/windows/52", "admin", "{\"groups\":[\"ASK\"]}").status);
        String number = http.exchange("POST", "/public/queue/tickets", Map.of(), "{\"group\":\"ASK\"}").json().path("number").asText();
        assertEquals(200, http.post("/queue/windows/52/sign-in", "clerk", "application/json", new byte[0]).status);
        assertEquals(number, http.post("/queue/window/call", "clerk", "application/json", new byte[0]).json().path("number").asText());
        assertEquals(200, http.post("/queue/window/finish", "clerk", "application/json", new byte[0]).status);
        http.post("/queue/window/sign-out", "clerk", "application/json", new byte[0]);
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode service = await("the question answered, on the pad", () -> {
            JsonNode s = open("GET", "/pad", device, null).json().path("service");
            return s.path("caseNo").asText().equals("Q-" + day + "-" + number) ? s : null;
        });
        assertEquals("窗口服务（咨询）", service.path("itemName").asText());
        Http.Answer rated = open("POST", "/pad/ratings", device, "{\"caseNo\":\"" + service.path("caseNo").asText() + "\",\"stage\":\"DELIVERY\",\"level\":4}");
        assertEquals(rated.toString(), 200, rated.status);
        JsonNode byDept = http.get("/evaluation/figures?by=DEPARTMENT", "supervisor").json();
        JsonNode ask = null;
        for (JsonNode row : byDept.path("rows")) {
            ask = "QUEUE-ASK".equals(row.path("key").asText()) ? row : ask;
        }
        assertEquals(String.valueOf(ask), 1, ask.path("ratings").asLong());
    }

    @Test
    public void aBadRatingAtTheKioskIsVerifiedPutRightAndFollowedUpAndALateStepTurnsRed() throws Exception {
        awaitApi();
        String applicant = Citizens.idNumber("19750303", 52);
        String suffix = applicant.substring(12);
        String caseNo = Cases.accepted(http, Cases.item(http, "SJ", 1), applicant).path("caseNo").asText();
        assertEquals("CASE_NOT_FOUND", open("GET", "/cases/" + caseNo + "?idSuffix=000000", Map.of(), null).code());
        JsonNode offered = stages(caseNo, suffix, 1);
        assertEquals("ACCEPTANCE", offered.get(0).path("stage").asText());
        assertFalse(offered.get(0).path("rated").asBoolean());

        String path = "/cases/" + caseNo + "/ratings?idSuffix=" + suffix;
        assertEquals("REASON_REQUIRED", open("POST", path, Map.of(), rating("ACCEPTANCE", 2, null)).code());
        assertEquals("STAFF_REFUSED", open("POST", path, basic("supervisor"), rating("ACCEPTANCE", 5, null)).code());
        Http.Answer bad = open("POST", path, Map.of(), "{\"stage\":\"ACCEPTANCE\",\"level\":2,\"reasons\":[\"SLOW\",\"MORE_TRIPS\"],"
                + "\"comment\":\"材料要求没有一次说清\"}");
        assertEquals(bad.toString(), 200, bad.status);
        assertTrue(bad.json().path("followedUp").asBoolean());
        assertEquals("ALREADY_RATED", open("POST", path, Map.of(), rating("ACCEPTANCE", 5, null)).code());

        JsonNode open = null;
        for (JsonNode r : http.get("/evaluation/rectifications", "supervisor").json()) {
            open = caseNo.equals(r.path("rating").path("caseNo").asText()) ? r : open;
        }
        assertTrue(String.valueOf(open), open != null && "VERIFY".equals(open.path("state").asText()));
        assertEquals("KIOSK", open.path("rating").path("channel").asText());
        assertFalse("who rated is never told: " + open, open.toString().contains(suffix));
        long id = open.path("id").asLong();
        assertEquals(403, http.get("/evaluation/rectifications", "clerk").status);

        // the verification was due yesterday: the card is red, and the step is recorded late
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE EVAL_RECTIFICATION SET VERIFY_DUE = ? WHERE ID = ?")) {
            s.setDate(1, java.sql.Date.valueOf(yesterday));
            s.setLong(2, id);
            assertEquals(1, s.executeUpdate());
        }
        assertEquals("RED", http.get("/evaluation/rectifications/" + id, "supervisor").json().path("card").asText());
        String base = "/evaluation/rectifications/" + id;
        assertEquals("RECTIFICATION_STATE", http.postJson(base + "/put-right", "supervisor", "{\"action\":\"培训\"}").code());
        JsonNode verified = http.postJson(base + "/verify", "supervisor", "{\"justified\":true,\"evidence\":\"调取窗口录像，属实\"}").json();
        assertEquals(verified.toString(), "PUT_RIGHT", verified.path("state").asText());
        assertTrue(verified.path("verify").path("late").asBoolean());
        assertEquals("GREEN", verified.path("card").asText());
        JsonNode putRight = http.postJson(base + "/put-right", "supervisor", "{\"action\":\"修订一次性告知单，窗口人员培训\"}").json();
        assertEquals("FOLLOW_UP", putRight.path("state").asText());
        JsonNode closed = http.postJson(base + "/follow-up", "supervisor", "{\"channel\":\"PHONE\",\"outcome\":\"电话回访，群众表示满意\",\"satisfied\":true}")
                .json();
        assertEquals(closed.toString(), "CLOSED", closed.path("state").asText());
        JsonNode trail = http.get("/audit?caseNo=" + caseNo, "auditor").json().path("records");
        List<String> actions = new java.util.ArrayList<>();
        trail.forEach(r -> actions.add(r.path("action").asText()));
        assertTrue(actions.toString(), actions.containsAll(List.of("RATING_VERIFIED", "RATING_PUT_RIGHT", "RATING_FOLLOWED_UP")));
    }

    @Test
    public void theOnlineHallsCitizenRatesTheirOwnCasesOnly() throws Exception {
        awaitApi();
        String id = Citizens.idNumber("19920202", 53);
        Citizens.Session citizen = Citizens.signIn(http, id, "13800138053");
        String mine = Cases.accepted(http, Cases.item(http, "GA", 1), id).path("caseNo").asText();
        String theirs = Cases.accepted(http, Cases.item(http, "GA", 1), Citizens.idNumber("19920202", 54)).path("caseNo").asText();
        Map<String, String> cookie = Map.of("Cookie", citizen.cookie);
        JsonNode listed = await("the citizen's case to rate", () -> {
            JsonNode l = open("GET", "/online", cookie, null).json();
            return l.toString().contains(mine) ? l : null;
        });
        assertFalse(listed.toString().contains(theirs));
        assertEquals("SIGN_IN_REQUIRED", open("GET", "/online", Map.of(), null).code());
        String body = "{\"caseNo\":\"" + mine + "\",\"stage\":\"ACCEPTANCE\",\"level\":4}";
        assertEquals("CSRF_REJECTED", open("POST", "/online/ratings", cookie, body).code());
        Map<String, String> signed = Map.of("Cookie", citizen.cookie, "X-CSRF-Token", citizen.csrf);
        assertEquals("CASE_NOT_FOUND", open("POST", "/online/ratings", signed, body.replace(mine, theirs)).code());
        Http.Answer rated = open("POST", "/online/ratings", signed, body);
        assertEquals(rated.toString(), 200, rated.status);
        JsonNode ratings = http.get("/evaluation/ratings?level=4", "supervisor").json();
        JsonNode found = null;
        for (JsonNode r : ratings) {
            found = mine.equals(r.path("caseNo").asText()) ? r : found;
        }
        assertEquals(String.valueOf(found), "ONLINE", found.path("channel").asText());
        assertEquals("clerk", found.path("clerk").asText());
    }

    @Test
    public void theFiguresCountTheRatingsAndEveryRatingOutlivesTheFeaturesRemoval() throws Exception {
        awaitApi();
        JsonNode before = http.get("/evaluation/figures?by=CHANNEL", "supervisor").json();
        String applicant = Citizens.idNumber("19660606", 55);
        String suffix = applicant.substring(12);
        int[] levels = {5, 4, 1};
        for (int level : levels) {
            String caseNo = Cases.accepted(http, Cases.item(http, "RS", 1), applicant).path("caseNo").asText();
            stages(caseNo, suffix, 1);
            Http.Answer r = open("POST", "/cases/" + caseNo + "/ratings?idSuffix=" + suffix, Map.of(),
                    rating("ACCEPTANCE", level, level == 1 ? "\"OTHER\"" : null));
            assertEquals(r.toString(), 200, r.status);
        }
        JsonNode after = http.get("/evaluation/figures?by=CHANNEL", "supervisor").json();
        assertEquals(3, after.path("total").path("ratings").asLong() - before.path("total").path("ratings").asLong());
        assertEquals(2, after.path("total").path("satisfied").asLong() - before.path("total").path("satisfied").asLong());
        assertEquals(1, after.path("total").path("bad").asLong() - before.path("total").path("bad").asLong());
        long byChannel = 0;
        for (JsonNode row : after.path("rows")) {
            byChannel += row.path("ratings").asLong();
        }
        assertEquals("the rows add up to the total", after.path("total").path("ratings").asLong(), byChannel);
        JsonNode hall = open("GET", "/figures?by=DEPARTMENT", Map.of(), null).json();
        assertEquals("the public page counts the same", after.path("total").path("ratings").asLong(), hall.path("total").path("ratings").asLong());
        assertEquals("INVALID_DIMENSION", open("GET", "/figures?by=CLERK", Map.of(), null).code());
        assertEquals(403, http.get("/evaluation/figures", "clerk").status);
        assertTrue(shell("onewindow:ratings --by CHANNEL").contains("自助终端"));

        features.uninstallFeature("onewindow-evaluation");
        await("the feature gone", () -> open("GET", "/reasons", Map.of(), null).status == 404 ? "gone" : null);
        features.installFeature("onewindow-evaluation");
        JsonNode back = await("the feature back", () -> {
            Http.Answer a = http.get("/evaluation/figures?by=CHANNEL", "supervisor");
            return a.status == 200 ? a.json() : null;
        });
        assertEquals("every rating kept", after.path("total").path("ratings").asLong(), back.path("total").path("ratings").asLong());
    }
}
