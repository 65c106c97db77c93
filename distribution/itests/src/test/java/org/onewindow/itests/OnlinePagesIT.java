package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The citizens' online pages (/online/) and the hall's side of them in the console, in a real headless
 * Chromium against the real appliance: sign-in with the code the file notifier wrote to the mobile a clerk
 * bound, the answer for an ID number without a verified mobile and a binding by real-name verification (the
 * simulator as a process beside the appliance), the last sign-ins, a booking that takes a place of its slot,
 * an online application through pre-review to acceptance, a return and a second submission, the clerk's
 * binding at the window and the security administrator's revocation, and the pages without the online
 * feature. Saves online-booking.png, online-apply.png, online-unbound.png, online-account.png and
 * console-bindings.png to docs/screenshots.
 *
 * <p>A plain JUnit test with the appliance as a process, as {@link ConsoleIT}: the browser's driver
 * cannot run inside the OSGi container, where Pax Exam runs its tests.
 */
public class OnlinePagesIT extends PageTest {
    private static final int PORT = Ports.of(9881);
    private static final String BASE = "http://localhost:" + PORT;
    private static final String ITEM = "GA-ZA-002";
    private static final String ITEM_NAME = "无犯罪记录证明开具";
    private static final int REAL_NAME_PORT = Ports.of(9830);
    /** The demo security administrator (安全管理员): reads and revokes citizens' bindings. */
    private static final String SECURITY = "security";
    private static RealNameSystem realName;

    @BeforeClass
    public static void start() throws Exception {
        open("online", PORT, Ports.of(9801), Citizens.withCheckDigit("44130219850101009"), a -> {
            // the real-name verification service beside the hall, each with the other's public key
            realName = RealNameSystem.start(REAL_NAME_PORT, "OW441302", a.home.resolve("data/onewindow/realname/hall-key.pub.pem"));
            a.replace("etc/org.onewindow.online.realname.cfg", "\nurl =", "\nurl = http://localhost:" + REAL_NAME_PORT);
            a.replace("etc/org.onewindow.online.realname.cfg", "platformKey = etc/onewindow/realname-platform.pem",
                    "platformKey = " + RealNameSystem.publicKeyFile());
            // a citizen signs in twice in a row
            a.replace("etc/org.onewindow.online.cfg", "codeIntervalSeconds = 60", "codeIntervalSeconds = 1");
        });
        appliance.http.awaitOk("/public/online/appointments/days", null, Duration.ofSeconds(60));
    }

    @AfterClass
    public static void stop() throws InterruptedException {
        closePages();
        if (realName != null) {
            realName.close();
        }
    }

    @Override
    @Before
    public void loggedOut() {
        // the citizen's cookie lives under /api/v1/public/online only, and is deleted from there (the staff's too)
        browser.get(BASE + "/api/v1/public/online/appointments/days");
        browser.manage().deleteAllCookies();
    }

    @Test
    public void aCitizenBooksASlotMovesItAndCancelsIt() throws Exception {
        String id = Citizens.withCheckDigit("44130219850101001");
        signIn(id, "13800138001");
        click(By.id("tile-book"));
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("item-q")));
        search.sendKeys(ITEM, Keys.ENTER);
        click(By.cssSelector("#items button.item[data-code='" + ITEM + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen-item"), ITEM_NAME));
        // the last bookable day is never today, so no slot of it starts while the test runs
        List<WebElement> days = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#days button.day"), 1));
        WebElement lastDay = days.get(days.size() - 1);
        String day = lastDay.getAttribute("data-day");
        lastDay.click();
        List<WebElement> open = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#slots button.slot:not([disabled])"), 1));
        String start = open.get(0).getAttribute("data-start");
        String later = open.get(1).getAttribute("data-start");
        int left = Integer.parseInt(open.get(0).getAttribute("data-left"));
        int laterLeft = Integer.parseInt(open.get(1).getAttribute("data-left"));
        assertEquals("the page shows what the server has left", left, placesLeft(day, start));
        open.get(0).click();
        wait.until(ExpectedConditions.attributeToBe(slot(start), "aria-pressed", "true"));
        WebElement name = browser.findElement(By.id("book-name"));
        name.clear();
        name.sendKeys("王小明");
        click(By.id("book"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "预约成功"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#my-appointments tr[data-item='" + ITEM + "']")));
        String code = row.getAttribute("data-code");
        assertTrue(code, code.matches("YY[A-Z2-9]{8}"));
        assertTrue("the alert names the booking code", browser.findElement(By.id("alert")).getText().contains(code));
        assertTrue(row.getText(), row.getText().contains(start));
        assertEquals("BOOKED", row.findElement(By.cssSelector(".appt-status")).getAttribute("data-status"));
        wait.until(ExpectedConditions.attributeToBe(slot(start), "data-left", String.valueOf(left - 1)));
        assertEquals("the booking took a place of the slot", left - 1, placesLeft(day, start));
        screenshot("online-booking");

        // the hall's day list has it, without a check-in button on another day than today
        loginConsole("clerk");
        click(By.cssSelector("#bar a[data-page='appointments']"));
        WebElement dayInput = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("appt-day")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change'));", dayInput, day);
        WebElement listed = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#appointments tr[data-code='" + code + "']")));
        assertTrue(listed.getText(), listed.getText().contains("王小明") && listed.getText().contains(ITEM_NAME));
        assertTrue(listed.findElements(By.cssSelector("button.arrive")).isEmpty());
        logoutConsole();

        browser.get(BASE + "/online/#/book");
        click(By.cssSelector("#my-appointments tr[data-code='" + code + "'] button.change"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("changing"), code));
        click(By.cssSelector("#days button.day[data-day='" + day + "']"));
        click(slot(later));
        wait.until(ExpectedConditions.textToBe(By.id("book"), "确认改期"));
        click(By.id("book"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "已改期"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#my-appointments tr[data-code='" + code + "'] .when"), later));
        assertEquals("moving frees the old place", left, placesLeft(day, start));
        assertEquals(laterLeft - 1, placesLeft(day, later));

        click(By.cssSelector("#my-appointments tr[data-code='" + code + "'] button.cancel"));
        click(By.cssSelector("#my-appointments tr[data-code='" + code + "'] button.cancel-confirm"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#my-appointments tr[data-code='" + code + "'] .appt-status"), "data-status", "CANCELLED"));
        assertTrue(browser.findElements(By.cssSelector("#my-appointments tr[data-code='" + code + "'] button.change")).isEmpty());
        assertEquals("cancelling frees the place", laterLeft, placesLeft(day, later));
    }

    @Test
    public void aCitizenAppliesOnlineTheClerkAcceptsItAndTheCitizenSeesTheCase() throws Exception {
        String id = Citizens.withCheckDigit("44130219850101002");
        signIn(id, "13800138002");
        click(By.id("tile-apply"));
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("apply-q")));
        // 死亡人员户口注销 is not offered online
        search.sendKeys("GA-HJ-003", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-items"), "没有找到可网上申办的事项"));
        search.clear();
        search.sendKeys(ITEM, Keys.ENTER);
        click(By.cssSelector("#apply-items button.item[data-code='" + ITEM + "']"));
        wait.until(ExpectedConditions.textToBe(By.id("guide-name"), ITEM_NAME));
        assertTrue("the guide lists the materials", browser.findElement(By.cssSelector("#apply-guide tr[data-material='M01']")).getText().contains("居民身份证"));
        browser.findElement(By.id("apply-name")).sendKeys("陈小红");
        click(By.id("create-application"));
        wait.until(ExpectedConditions.attributeToBe(By.id("app-state"), "data-state", "DRAFT"));
        String caseNo = browser.findElement(By.id("application")).getAttribute("data-case");
        assertTrue(caseNo, caseNo.matches("\\d{6}-\\d{8}-\\d{4}"));

        click(By.id("submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("alert"), "data-code", "MATERIALS_MISSING"));
        assertTrue("the server's message is shown", browser.findElement(By.id("alert")).getText().contains("居民身份证"));
        assertEquals("DRAFT", browser.findElement(By.id("app-state")).getAttribute("data-state"));

        Path scan = Files.createTempDirectory("online").resolve("身份证正面.png");
        ImageIO.write(page(), "png", scan.toFile());
        // read first: each upload redraws the table
        List<String> toUpload = new ArrayList<>();
        for (WebElement material : browser.findElements(By.cssSelector("#application tr[data-material]"))) {
            boolean fromLicence = "LICENCE".equals(material.findElement(By.cssSelector(".material-state")).getAttribute("data-source"));
            if (material.getAttribute("data-required") != null && !fromLicence) {
                toUpload.add(material.getAttribute("data-material"));
            }
        }
        assertEquals("no licence of this citizen: the ID card is uploaded", List.of("M01"), toUpload);
        for (String code : toUpload) {
            browser.findElement(By.cssSelector("tr[data-material='" + code + "'] input[type=file]")).sendKeys(scan.toString());
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-material='" + code + "'] .material-state"), "data-source", "UPLOADED"));
        }
        assertTrue(browser.findElement(By.cssSelector("tr[data-material='M01'] .files")).getText().contains(scan.getFileName().toString()));
        click(By.id("submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("app-state"), "data-state", "SUBMITTED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert"), "已提交预审"));
        screenshot("online-apply");

        loginConsole("clerk");
        click(By.cssSelector("#bar a[data-page='prereview']"));
        click(By.cssSelector("tr[data-case='" + caseNo + "'] a.open-application"));
        WebElement file = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-material='M01'] a.scan-file")));
        Object fetched = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')));", file.getAttribute("href"));
        assertTrue("the clerk reads the uploaded file: " + fetched, String.valueOf(fetched).startsWith("200 image/png"));
        click(By.id("pre-accept"));
        wait.until(ExpectedConditions.attributeToBe(By.id("pre-state"), "data-state", "ACCEPTED"));
        assertTrue("decided: no more decisions offered", browser.findElements(By.id("pre-return")).isEmpty());
        logoutConsole();

        browser.get(BASE + "/online/#/cases");
        WebElement listed = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case='" + caseNo + "'] .case-status")));
        // the relay may already have handed it to the department's back office
        Set<String> accepted = Set.of("ACCEPTED", "IN_REVIEW");
        assertTrue(listed.getAttribute("data-status"), accepted.contains(listed.getAttribute("data-status")));
        click(By.cssSelector("tr[data-case='" + caseNo + "'] a.open-case"));
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
        assertTrue(status.getAttribute("data-status"), accepted.contains(status.getAttribute("data-status")));
        assertTrue(browser.findElement(By.id("deadline")).getText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertFalse(browser.findElement(By.id("next-step")).getText().isBlank());
        assertTrue(browser.findElement(By.id("case")).getText().contains("网上预审通过"));
    }

    @Test
    public void aReturnedApplicationIsUploadedAgainAndSubmittedAgain() throws Exception {
        String id = Citizens.withCheckDigit("44130219850101003");
        Http.Answer imported = appliance.http.postJson("/licences/import", "admin", "[{\"type\":\"RESIDENT_ID_CARD\","
                + "\"number\":\"" + id + "\",\"holderId\":\"" + id + "\",\"holderName\":\"周小兰\","
                + "\"issuerCode\":\"GA\",\"issuerName\":\"公安局\",\"issuedOn\":\"2020-01-01\"}]");
        assertEquals(imported.toString(), 200, imported.status);
        signIn(id, "13800138003");
        browser.get(BASE + "/online/#/apply");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("apply-q"))).sendKeys(ITEM, Keys.ENTER);
        click(By.cssSelector("#apply-items button.item[data-code='" + ITEM + "']"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("apply-name"))).sendKeys("周小兰");
        assertFalse(browser.findElement(By.id("post-fields")).isDisplayed());
        click(By.id("delivery-post"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-fields")));
        browser.findElement(By.id("recipient")).sendKeys("周小兰");
        browser.findElement(By.id("phone")).sendKeys("13800138003");
        browser.findElement(By.id("address")).sendKeys("广东省惠州市惠城区演达一路 8 号");
        click(By.id("create-application"));
        wait.until(ExpectedConditions.attributeToBe(By.id("app-state"), "data-state", "DRAFT"));
        String caseNo = browser.findElement(By.id("application")).getAttribute("data-case");
        assertTrue(browser.findElement(By.id("application")).getText().contains("邮寄给 周小兰"));
        WebElement idCard = browser.findElement(By.cssSelector("tr[data-material='M01']"));
        assertEquals("LICENCE", idCard.findElement(By.cssSelector(".material-state")).getAttribute("data-source"));
        assertTrue(idCard.getText().contains("已从电子证照库调取"));
        assertTrue("nothing to upload for it", idCard.findElements(By.cssSelector("input[type=file]")).isEmpty());

        Path letter = Files.createTempDirectory("online").resolve("授权委托书.pdf");
        Files.write(letter, Cases.pdf("power of attorney, first"));
        browser.findElement(By.cssSelector("tr[data-material='M02'] input[type=file]")).sendKeys(letter.toString());
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("tr[data-material='M02'] .material-state"), "data-source", "UPLOADED"));
        click(By.id("submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("app-state"), "data-state", "SUBMITTED"));

        String note = "委托书缺少受托人签名，请重新上传";
        loginConsole("clerk");
        browser.get(BASE + "/console/#/prereview/case/" + caseNo);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-material='M01'] .material-state"), "已从电子证照库调取"));
        click(By.cssSelector("tr[data-material='M02'] input[type=checkbox]"));
        browser.findElement(By.id("return-note")).sendKeys(note);
        click(By.id("pre-return"));
        wait.until(ExpectedConditions.attributeToBe(By.id("pre-state"), "data-state", "RETURNED"));
        logoutConsole();

        browser.get(BASE + "/online/#/apply/" + caseNo);
        wait.until(ExpectedConditions.attributeToBe(By.id("app-state"), "data-state", "RETURNED"));
        assertTrue(browser.findElement(By.id("returned-note")).getText().contains(note));
        assertTrue(browser.findElement(By.cssSelector("#returned li[data-material='M02']")).getText().contains("授权委托书"));
        assertTrue(browser.findElement(By.cssSelector("tr[data-material='M02']")).getAttribute("class").contains("redo"));
        click(By.id("submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("alert"), "data-code", "MATERIALS_MISSING"));
        assertEquals("RETURNED", browser.findElement(By.id("app-state")).getAttribute("data-state"));

        Path again = Files.createTempDirectory("online").resolve("授权委托书（已签名）.pdf");
        Files.write(again, Cases.pdf("power of attorney, signed"));
        browser.findElement(By.cssSelector("tr[data-material='M02'] input[type=file]")).sendKeys(again.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-material='M02'] .files"), again.getFileName().toString()));
        click(By.id("submit"));
        wait.until(ExpectedConditions.attributeToBe(By.id("app-state"), "data-state", "SUBMITTED"));
        boolean queued = false;
        for (JsonNode a : appliance.http.get("/online/pre-review", "clerk").json()) {
            queued |= caseNo.equals(a.path("caseNo").asText()) && "SUBMITTED".equals(a.path("state").asText());
        }
        assertTrue("back in the pre-review queue", queued);
    }

    @Test
    public void anIdNumberWithoutAVerifiedMobileIsToldHowToBindOneAndRealNameVerificationBindsIt() throws Exception {
        String id = Citizens.withCheckDigit("44130219850101004");
        String mobile = "13800138004";
        realName.person(id, "林小青", mobile);
        browser.get(BASE + "/online/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber"))).sendKeys(id);
        click(By.id("send-code"));
        WebElement help = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bind-help")));
        assertEquals("该证件号码尚未绑定手机号", help.findElement(By.id("unbound")).getText());
        assertTrue(help.findElement(By.id("way-window")).getText().contains("携带居民身份证到区行政服务中心"));
        assertTrue("no code was sent", browser.findElement(By.id("code-sent")).getText().isBlank());
        assertTrue(Citizens.notices(Citizens.noticesIn(appliance.home.resolve("data"))).stream()
                .noneMatch(n -> id.equals(n.path("idNumber").asText())));
        assertTrue("the button is not held: nothing was sent", browser.findElement(By.id("send-code")).isEnabled());
        WebElement way = help.findElement(By.id("way-real-name"));
        way.findElement(By.id("rn-name")).sendKeys("林小清");
        way.findElement(By.id("rn-mobile")).sendKeys(mobile);
        screenshot("online-unbound");
        click(By.id("rn-verify"));
        wait.until(ExpectedConditions.attributeToBe(By.id("alert"), "data-code", "REAL_NAME_MISMATCH"));
        WebElement name = browser.findElement(By.id("rn-name"));
        name.clear();
        name.sendKeys("林小青");
        click(By.id("rn-verify"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), "实名核验通过"));
        assertTrue(browser.findElement(By.id("code-sent")).getText().contains(masked(mobile)));
        assertFalse("the help goes once the code is on its way", browser.findElement(By.id("bind-help")).isDisplayed());
        enterCode(id);
        click(By.id("tile-account"));
        wait.until(ExpectedConditions.textToBe(By.id("account-via"), "实名核验"));
        assertEquals(masked(mobile), browser.findElement(By.id("account-mobile")).getText());
    }

    @Test
    public void theCitizenSeesWhereAndWhenTheirAccountWasSignedInTo() throws Exception {
        String id = Citizens.withCheckDigit("44130219850101005");
        signIn(id, "13800138005");
        wait.until(ExpectedConditions.textToBe(By.id("last-sign-in"), "这是您的账号第一次登录。"));
        click(By.id("sign-out"));
        // the kiosk opens the same pages, and says so
        browser.get(BASE + "/online/?channel=kiosk#/cases");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber"))).sendKeys(id);
        click(By.id("send-code"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), "138****8005"));
        enterCode(id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#no-cases, tr[data-case]")));
        browser.get(BASE + "/online/#/");
        WebElement last = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("last-sign-in")));
        wait.until(ExpectedConditions.textToBePresentInElement(last, "上次登录"));
        assertTrue(last.getText(), last.getText().contains("网上办事大厅") && last.getText().contains("*"));
        click(By.id("tile-account"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#account tr.sign-in-row"), 2));
        List<WebElement> rows = browser.findElements(By.cssSelector("#account tr.sign-in-row"));
        assertTrue("the newest first: this one, at the kiosk", rows.get(0).getText().contains("自助终端"));
        assertTrue(rows.get(1).getText().contains("网上办事大厅"));
        for (WebElement row : rows) {
            String client = row.findElement(By.cssSelector(".client")).getText();
            assertTrue("the address masked: " + client, client.endsWith("*") && !client.matches(".*\\d+\\.\\d+\\.\\d+\\.\\d+.*"));
        }
        assertEquals("138****8005", browser.findElement(By.id("account-mobile")).getText());
        assertEquals("综合窗口核验身份证后绑定", browser.findElement(By.id("account-via")).getText());
        assertTrue(browser.findElement(By.id("not-me")).getText().contains("不是您本人的登录"));
        screenshot("online-account");
    }

    @Test
    public void aClerkBindsAMobileAtTheWindowAndTheSecurityAdministratorRevokesItEndingTheSession() throws Exception {
        String id = Citizens.withCheckDigit("44130219850101006");
        loginConsole("clerk");
        click(By.cssSelector("#bar a[data-page='mobile']"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("bind-id"))).sendKeys(id);
        browser.findElement(By.id("bind-mobile")).sendKeys("13800138006");
        click(By.id("bind-go"));
        wait.until(ExpectedConditions.textToBe(By.id("bind-result"), "请先核验市民本人的居民身份证原件并勾选确认"));
        click(By.id("bind-id-checked"));
        click(By.id("bind-go"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bind-result"), "138****8006"));
        logoutConsole();

        signInBound(id, "13800138006");
        loginConsole(SECURITY);
        // the security administrator starts on the staff's users; citizens' bindings are the next tab
        click(By.cssSelector("#bar a[data-page='bindings']"));
        WebElement lookUp = wait.until(ExpectedConditions.elementToBeClickable(By.id("binding-id")));
        assertTrue("no window pages for security", browser.findElements(By.cssSelector("#bar a[data-page='mobile']")).isEmpty());
        lookUp.sendKeys(id);
        click(By.id("binding-look-up"));
        wait.until(ExpectedConditions.attributeToBe(By.id("binding-state"), "data-bound", "true"));
        assertTrue(browser.findElement(By.id("binding-state")).getText().contains("138****8006"));
        WebElement bound = browser.findElement(By.cssSelector("#binding tr[data-event='BOUND']"));
        assertTrue(bound.getText(), bound.getText().contains("窗口核验身份证") && bound.getText().contains("clerk"));
        assertFalse("the read itself is on record", browser.findElements(By.cssSelector("#binding tr[data-event='READ']")).isEmpty());
        browser.findElement(By.id("revoke-reason")).sendKeys("市民来电：手机号已丢失");
        screenshot("console-bindings");
        click(By.id("revoke"));
        wait.until(ExpectedConditions.attributeToBe(By.id("binding-state"), "data-bound", "false"));
        assertTrue(browser.findElement(By.cssSelector("#binding tr[data-event='REVOKED']")).getText().contains("手机号已丢失"));
        logoutConsole();

        browser.get(BASE + "/online/#/cases");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber")));
        assertTrue("signed out by the revocation", browser.findElements(By.id("tile-book")).isEmpty());
    }

    @Test
    public void withoutTheOnlineFeatureThePagesSaySoAndTheConsoleHidesItsPages() throws Exception {
        String removed = appliance.client("feature:uninstall -r onewindow-online");
        try {
            awaitStatus("/public/online/appointments/days", 404, removed);
            browser.get(BASE + "/online/");
            wait.until(ExpectedConditions.textToBe(By.id("closed"), "网上办事暂未开通"));
            assertTrue(browser.findElements(By.id("idNumber")).isEmpty());
            loginConsole("clerk");
            assertTrue(browser.findElements(By.cssSelector("#bar a[data-page='prereview']")).isEmpty());
            assertTrue(browser.findElements(By.cssSelector("#bar a[data-page='appointments']")).isEmpty());
            assertTrue(browser.findElements(By.cssSelector("#bar a[data-page='mobile']")).isEmpty());
            assertFalse("the window is still there", browser.findElements(By.cssSelector("#bar a[data-page='clerk']")).isEmpty());
            browser.get(BASE + "/console/#/prereview");
            wait.until(ExpectedConditions.textToBe(By.id("online-unavailable"), "网上办事功能未安装"));
            logoutConsole();
        } finally {
            // the other tests of this class need it back, whatever their order
            awaitStatus("/public/online/appointments/days", 200, appliance.client("feature:install -r onewindow-online"));
        }
        browser.get(BASE + "/online/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber")));
    }

    /** A fresh citizen: a clerk binds their mobile at a window (ID card checked), then they sign in on the page. */
    private static void signIn(String id, String mobile) throws Exception {
        Citizens.bindAtWindow(appliance.http, id, mobile);
        signInBound(id, mobile);
    }

    /** Signs in as a citizen with a bound mobile, with the code the file notifier wrote for them; the mobile is never typed. */
    private static void signInBound(String id, String mobile) throws Exception {
        browser.get(BASE + "/online/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber"))).sendKeys(id);
        assertTrue("no mobile to type", browser.findElements(By.id("mobile")).isEmpty());
        click(By.id("send-code"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), masked(mobile)));
        assertTrue("no second code at once", browser.findElement(By.id("send-code")).getText().matches("\\d+ 秒后可重新获取"));
        assertFalse(browser.findElement(By.id("send-code")).isEnabled());
        enterCode(id);
    }

    private static void enterCode(String id) {
        browser.findElement(By.id("code")).sendKeys(Citizens.lastCode(Citizens.noticesIn(appliance.home.resolve("data")), id));
        click(By.id("sign-in"));
        // signed in: the page asked for opens (the home page unless another was)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertTrue(browser.findElement(By.id("who")).getText().contains(id.substring(0, 6) + "********" + id.substring(14)));
    }

    private static String masked(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private static int placesLeft(String day, String start) {
        for (JsonNode s : appliance.http.get("/public/online/appointments/slots?day=" + day + "&item=" + ITEM, null).json()) {
            if (start.equals(s.path("start").asText())) {
                return s.path("left").asInt();
            }
        }
        throw new AssertionError("no slot " + day + " " + start);
    }

    /** Waits until {@code path} answers {@code status}, as a feature comes or goes; {@code shell} is what the shell said. */
    private static void awaitStatus(String path, int status, String shell) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        while (System.nanoTime() < end) {
            last = appliance.http.get(path, null).status;
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " answers " + last + ", not " + status + "; the shell said: " + shell);
    }

    private static By slot(String start) {
        return By.cssSelector("#slots button.slot[data-start='" + start + "']");
    }

    private static void loginConsole(String user) {
        browser.get(BASE + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private static void logoutConsole() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    private static void click(By what) {
        // a list drawn twice (the first page, then the search's) replaces the button found just before: it is found again
        wait.until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(what).apply(d);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    /** A photographed ID card, as a real PNG the browser can show. */
    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(428, 270, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xEAF2F8));
        g.fillRect(0, 0, 428, 270);
        g.setColor(new Color(0x2E86C1));
        g.drawRoundRect(8, 8, 411, 253, 16, 16);
        g.setColor(Color.GRAY);
        for (int y = 60; y < 230; y += 30) {
            g.drawLine(30, y, 260, y);
        }
        g.fillRect(290, 50, 100, 130);
        g.dispose();
        return image;
    }

    private static void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
