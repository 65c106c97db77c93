package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 好差评's pages in headless Chromium against the real appliance: the window's rating pad (/rate/) shows its pairing code,
 * is bound by an administrator, offers the service just handed out at its window, takes 满意 and thanks, and goes back to
 * its welcome; the online hall's citizen rates a stage of their case bad with a reason, and the supervisor's 好差评 page
 * works the rectification through 核实 → 整改 → 回访; the text's one-time link rates the hand-out on the phone, once; the
 * administrator publishes a new version of the reasons; the supervision board lists a late (red) rectification and opens
 * its card.
 * Screenshots under target/screenshots.
 */
public class EvaluationPagesIT extends PageTest {
    private static final int PORT = Ports.of(9641);
    private static final String BASE = "http://localhost:" + PORT;

    @BeforeClass
    public static void start() throws Exception {
        // a bad rating's verification is due the day it is given: its card is yellow on the board at once (the red one, a day
        // later, EvaluationIT checks over REST; a restart to age it here cost the CI run 40 s)
        open("evaluation-pages", PORT, Ports.of(9642), Cases.ZHANG_SAN,
                a -> a.replace("etc/org.onewindow.evaluation.cfg", "verifyDays = 1", "verifyDays = 0"));
        appliance.http.awaitOk("/public/evaluation/reasons", null, Duration.ofSeconds(60));
    }

    @Test
    public void thePadAtTheWindowOffersTheHandOutAndGoesBackToItsWelcome() throws Exception {
        browser.get(BASE + "/rate/?reset=3");
        String code = wait.until(d -> {
            String c = d.findElement(By.id("pairing-code")).getAttribute("data-code");
            return c != null && c.matches("\\d{6}") ? c : null;
        });
        assertTrue("the page asks for an administrator", browser.findElement(By.id("pad-pairing")).getText().contains("请管理员在控制台绑定窗口"));
        Browsers.screenshot(browser, "rate-pad-pairing");
        long id = -1;
        for (JsonNode p : http.get("/evaluation/pads", "admin").json()) {
            if (!p.path("bound").asBoolean()) {
                id = Math.max(id, p.path("id").asLong());
            }
        }
        assertEquals(200, http.postJson("/evaluation/pads/" + id + "/bind", "admin", "{\"pairingCode\":\"" + code + "\",\"windowNo\":61}").status);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pad-idle"), "第 61 号窗口"));

        // the clerk serves at window 61 and hands out an instant item's result
        assertEquals(200, http.putJson("/queue/windows/61", "admin", "{\"groups\":[\"GENERAL\"]}").status);
        assertEquals(200, http.post("/queue/windows/61/sign-in", "clerk", "application/json", new byte[0]).status);
        String caseNo;
        try {
            caseNo = Cases.readyInstant(http, Citizens.idNumber("19850505", 61), "王五", "13800138061", null, null);
            String pickup = http.get("/cases/" + caseNo, "clerk").json().path("pickupCode").asText();
            assertEquals(200, http.postJson("/cases/" + caseNo + "/transitions", "clerk",
                    "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + pickup + "\"}").status);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.rating-form[data-case='" + caseNo + "'][data-stage=DELIVERY]")));
        } finally {
            // only now: the evaluation maps the clerk to the window when it reads the case's move
            http.post("/queue/window/sign-out", "clerk", "application/json", new byte[0]);
        }
        String shown = browser.findElement(By.id("pad-rate")).getText();
        assertTrue(shown, shown.contains("办结/出件") && !shown.contains("王五"));
        WebElement satisfied = browser.findElement(By.cssSelector("button.level[data-level='4']"));
        assertTrue("a touch target of at least 80 px", satisfied.getSize().getHeight() >= 80);
        assertEquals("满意", satisfied.getText());
        satisfied.click();
        Browsers.screenshot(browser, "rate-pad-form");
        browser.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rating-thanks"), "感谢您的评价"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pad-idle"), "欢迎评价"));
        JsonNode found = null;
        for (JsonNode r : http.get("/evaluation/ratings", "supervisor").json()) {
            found = caseNo.equals(r.path("caseNo").asText()) ? r : found;
        }
        assertTrue(String.valueOf(found), found != null && found.path("level").asInt() == 4 && "PAD".equals(found.path("channel").asText()));
        assertEquals(61, found.path("windowNo").asInt());
    }

    @Test
    public void theCitizensBadRatingOnlineIsWorkedThroughOnTheSupervisorsPage() throws Exception {
        String id = Citizens.idNumber("19880808", 62);
        Citizens.bindAtWindow(http, id, "13800138062");
        String caseNo = Cases.accepted(http, Cases.item(http, "GA", 1), id).path("caseNo").asText();

        // the citizen signs in to the online hall in the browser, as OnlinePagesIT does
        browser.get(BASE + "/api/v1/public/online/appointments/days");
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/online/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber"))).sendKeys(id);
        browser.findElement(By.id("send-code")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), "****"));
        browser.findElement(By.id("code")).sendKeys(Citizens.lastCode(Citizens.noticesIn(appliance.home.resolve("data")), id));
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));

        // 我的办件: the case's acceptance to rate, once the evaluation has read the case's move
        By ratable = By.cssSelector(".ratable[data-case='" + caseNo + "'][data-stage=ACCEPTANCE]");
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            browser.get(BASE + "/online/#/cases");
            browser.navigate().refresh();
            try {
                wait.withTimeout(Duration.ofSeconds(3)).until(ExpectedConditions.presenceOfElementLocated(ratable));
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
            } finally {
                wait.withTimeout(Duration.ofSeconds(20));
            }
        } while (true);
        browser.findElement(ratable).findElement(By.cssSelector("button.rate-stage")).click();
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ratable[data-case='" + caseNo + "'] form.rating-form")));
        form.findElement(By.cssSelector("button.level[data-level='2']")).click();
        form.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(form.findElement(By.cssSelector(".rating-error")), "至少选择一项"));
        form.findElement(By.cssSelector("input[data-reason=MATERIALS_UNCLEAR]")).click();
        form.findElement(By.id("rating-comment")).sendKeys("材料要求没有一次说清");
        Browsers.screenshot(browser, "online-rating");
        form.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ratable[data-case='" + caseNo + "'] .rate-cell"), "已评价"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "回访"));
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber")));

        // the supervisor's 好差评 page: the rectification's card, worked through its three steps
        browser.get(BASE + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("supervisor");
        browser.findElement(By.id("password")).sendKeys("supervisor-demo", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=evaluation]"))).click();
        By card = By.cssSelector("article.rectification[data-case='" + caseNo + "']");
        WebElement c = wait.until(ExpectedConditions.presenceOfElementLocated(card));
        assertEquals("VERIFY", c.getAttribute("data-state"));
        assertEquals("due the day it was given (verifyDays 0 here)", "YELLOW", c.getAttribute("data-card"));
        assertTrue(c.getText(), c.getText().contains("不满意") && c.getText().contains("材料要求不清楚") && !c.getText().contains(id.substring(12)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#eval-chart canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#eval-ratings tr[data-case='" + caseNo + "'][data-level='2']")));
        Browsers.screenshot(browser, "console-evaluation");
        c.findElement(By.cssSelector("input[class^=justified][value=true]")).click();
        c.findElement(By.cssSelector("textarea.evidence")).sendKeys("查阅一次性告知单，属实");
        c.findElement(By.cssSelector("button.verify-go")).click();
        wait.until(ExpectedConditions.attributeToBe(card, "data-state", "PUT_RIGHT"));
        c = browser.findElement(card);
        c.findElement(By.cssSelector("textarea.action")).sendKeys("修订一次性告知单");
        c.findElement(By.cssSelector("button.put-right-go")).click();
        wait.until(ExpectedConditions.attributeToBe(card, "data-state", "FOLLOW_UP"));
        c = browser.findElement(card);
        new org.openqa.selenium.support.ui.Select(c.findElement(By.cssSelector("select.channel"))).selectByValue("PHONE");
        c.findElement(By.cssSelector("textarea.outcome")).sendKeys("电话回访，群众表示满意");
        c.findElement(By.cssSelector("input[class^=satisfied][value=true]")).click();
        c.findElement(By.cssSelector("button.follow-up-go")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(card));
        JsonNode closed = null;
        for (JsonNode r : http.get("/evaluation/rectifications?all=true", "supervisor").json()) {
            closed = caseNo.equals(r.path("rating").path("caseNo").asText()) ? r : closed;
        }
        assertEquals(String.valueOf(closed), "CLOSED", closed.path("state").asText());
        assertTrue(closed.path("satisfied").asBoolean());
        // 公开评价: no login, the month's figures
        browser.get(BASE + "/rate/public.html");
        WebElement total = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-total")));
        assertTrue(total.getAttribute("data-ratings"), Integer.parseInt(total.getAttribute("data-ratings")) >= 1);
        Browsers.screenshot(browser, "rate-public");
        assertEquals(200, http.exchange("GET", "/public/evaluation/figures", Map.of(), null).status);
    }

    @Test
    public void theTextsOneTimeLinkRatesTheHandOutOnThePhoneOnce() throws Exception {
        String mobile = "13800138064";
        String caseNo = Cases.readyInstant(http, Citizens.idNumber("19870707", 64), "赵六", mobile, null, null);
        String pickup = http.get("/cases/" + caseNo, "clerk").json().path("pickupCode").asText();
        assertEquals(200, http.postJson("/cases/" + caseNo + "/transitions", "clerk", "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + pickup + "\"}").status);
        String text = null;
        for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); text == null && System.nanoTime() < end; Thread.sleep(500)) {
            text = Citizens.notices(Citizens.noticesIn(appliance.home.resolve("data"))).stream()
                    .filter(n -> mobile.equals(n.path("mobile").asText()) && "RATING_INVITATION".equals(n.path("kind").asText()))
                    .map(n -> n.path("text").asText()).findFirst().orElse(null);
        }
        assertTrue("the invitation text of " + caseNo, text != null && text.contains("/rate/link.html#"));
        String token = text.replaceAll(".*/rate/link\\.html#([A-Za-z0-9_-]+).*", "$1");

        browser.manage().deleteAllCookies();
        browser.get(BASE + "/rate/link.html#" + token);
        WebElement service = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".rating-service[data-case='" + caseNo + "']")));
        assertEquals("DELIVERY", service.getAttribute("data-stage"));
        assertTrue("nothing personal on the page", !browser.findElement(By.id("main")).getText().contains("赵六"));
        browser.findElement(By.cssSelector("button.level[data-level='5']")).click();
        Browsers.screenshot(browser, "rate-link-form");
        browser.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rating-thanks"), "感谢您的评价"));
        JsonNode found = null;
        for (JsonNode r : http.get("/evaluation/ratings", "supervisor").json()) {
            found = caseNo.equals(r.path("caseNo").asText()) ? r : found;
        }
        assertTrue(String.valueOf(found), found != null && found.path("level").asInt() == 5 && "SMS".equals(found.path("channel").asText()));

        // the link again: rated, no form; a link that was never sent: invalid
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-rated"), "已评价"));
        assertTrue(browser.findElements(By.id("rating-submit")).isEmpty());
        browser.get(BASE + "/rate/link.html#" + "x".repeat(24));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("link-error"), "链接无效或已过期"));
    }

    @Test
    public void theAdministratorPublishesANewVersionOfTheReasons() throws Exception {
        int before = http.exchange("GET", "/public/evaluation/reasons", Map.of(), null).json().path("version").asInt();
        browser.manage().deleteAllCookies();
        try {
            browser.get(BASE + "/console/");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("admin-demo", Keys.ENTER);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=evaluation]"))).click();
            WebElement version = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reasons-version")));
            assertEquals(String.valueOf(before), version.getAttribute("data-version"));
            int rows = browser.findElements(By.cssSelector("#reasons-form tr.reason-row")).size();
            browser.findElement(By.id("reason-add")).click();
            WebElement added = browser.findElements(By.cssSelector("#reasons-form tr.reason-row")).get(rows);
            added.findElement(By.cssSelector("input.reason-code")).sendKeys("QUEUE_LONG");
            added.findElement(By.cssSelector("input.reason-label")).sendKeys("排队等候时间过长");
            new org.openqa.selenium.support.ui.Select(added.findElement(By.cssSelector("select.reason-kind"))).selectByValue("WINDOW");
            Browsers.screenshot(browser, "evaluation-reasons");
            browser.findElement(By.id("reasons-publish")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("reasons-version"), "data-version", String.valueOf(before + 1)));
        } finally {
            browser.manage().deleteAllCookies();
        }
        JsonNode published = http.exchange("GET", "/public/evaluation/reasons", Map.of(), null).json();
        assertEquals(before + 1, published.path("version").asInt());
        JsonNode last = published.path("reasons").get(published.path("reasons").size() - 1);
        assertEquals("QUEUE_LONG", last.path("code").asText());
        assertEquals("排队等候时间过长", last.path("label").asText());
        assertEquals("WINDOW", last.path("kind").asText());
    }

    @Test
    public void theBoardListsARectificationDueTodayAndOpensItsCard() throws Exception {
        // a citizen rates the acceptance of their case 非常不满意 at the kiosk: a rectification opens, its verification due
        String id = Citizens.idNumber("19890909", 63);
        String caseNo = Cases.accepted(http, Cases.item(http, "RS", 1), id).path("caseNo").asText();
        String path = "/public/evaluation/cases/" + caseNo + "/ratings?idSuffix=" + id.substring(12);
        String body = "{\"stage\":\"ACCEPTANCE\",\"level\":1,\"reasons\":[\"SLOW\"]}";
        Thread.sleep(3000); // the evaluation reads the acceptance from the journal (caseWatchSeconds 2)
        Http.Answer rated = http.exchange("POST", path, Map.of(), body);
        for (long end = System.nanoTime() + Duration.ofSeconds(15).toNanos(); "NOTHING_TO_RATE".equals(rated.code())
                && System.nanoTime() < end; rated = http.exchange("POST", path, Map.of(), body)) {
            Thread.sleep(1000);
        }
        assertEquals(rated.toString(), 200, rated.status);
        long rectification = -1;
        for (JsonNode r : http.get("/evaluation/rectifications", "supervisor").json()) {
            rectification = caseNo.equals(r.path("rating").path("caseNo").asText()) ? r.path("id").asLong() : rectification;
        }
        assertTrue("a rectification of " + caseNo, rectification > 0);

        assertEquals("due today: yellow", "YELLOW", http.get("/evaluation/rectifications/" + rectification, "supervisor").json().path("card").asText());

        // the supervisor's board: 差评整改 counts the cards and lists the yellow one, which opens its card on the 好差评 page
        browser.get(BASE + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("supervisor");
        browser.findElement(By.id("password")).sendKeys("supervisor-demo", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=board]"))).click();
        By row = By.cssSelector("#board-rectifications tr[data-id='" + rectification + "']");
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertEquals("YELLOW", listed.getAttribute("data-card"));
        assertEquals("VERIFY", listed.getAttribute("data-state"));
        assertTrue(listed.getText(), listed.getText().contains("黄牌") && listed.getText().contains(caseNo) && listed.getText().contains("待核实")
                && !listed.getText().contains(id.substring(12)));
        String yellow = browser.findElement(By.cssSelector("#board-rectifications .rect-count[data-card=YELLOW]")).getText();
        assertTrue(yellow, yellow.matches("黄牌 [1-9]\\d*"));
        Browsers.screenshot(browser, "board-rectifications");
        listed.findElement(By.cssSelector("a.open-rectification")).click();
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("article.rectification.focused[data-id='" + rectification + "']")));
        assertEquals("YELLOW", card.getAttribute("data-card"));
        assertEquals(caseNo, card.getAttribute("data-case"));
    }
}
