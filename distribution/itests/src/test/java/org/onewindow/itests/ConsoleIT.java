package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console and the kiosk in a real headless Chromium (Debian's chromium and chromium-driver)
 * against the real appliance: a case from the window to the back office and back to pickup, the
 * supervisor's board, the kiosk, escaping, and roles. Saves screenshots to docs/screenshots.
 */
public class ConsoleIT extends PageTest {
    private static final int PORT = Ports.of(9581);
    private static final String BASE = "http://localhost:" + PORT;
    /** A resident ID number of this test only (valid check digit). */
    private static final String APPLICANT = "330102198506150075";

    @BeforeClass
    public static void start() throws Exception {
        open("console", PORT, Ports.of(9501), APPLICANT);
    }

    @Test
    public void aCaseGoesFromTheWindowToTheReviewerAndBackToPickup() throws Exception {
        Http.Answer imported = appliance.http.postJson("/licences/import", "admin", "[{\"type\":\"RESIDENT_ID_CARD\","
                + "\"number\":\"" + APPLICANT + "\",\"holderId\":\"" + APPLICANT + "\",\"holderName\":\"钱七\","
                + "\"issuerCode\":\"GA\",\"issuerName\":\"公安局\",\"issuedOn\":\"2020-01-01\"}]");
        assertEquals(imported.toString(), 200, imported.status);
        login("clerk");
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("item-search")));
        search.sendKeys("GA-HJ-001", Keys.ENTER);
        click(By.cssSelector("tr.pick[data-code='GA-HJ-001']"));
        wait.until(ExpectedConditions.textToBe(By.id("guide-name"), "户口迁入登记"));
        screenshot("clerk-guide");
        click(By.id("start-intake"));
        WebElement id = wait.until(ExpectedConditions.elementToBeClickable(By.id("id-number")));
        id.sendKeys(APPLICANT.substring(0, 17) + "4");
        wait.until(ExpectedConditions.textToBe(By.id("id-state"), "号码校验不通过"));
        id.sendKeys(Keys.BACK_SPACE, APPLICANT.substring(17));
        wait.until(ExpectedConditions.textToBe(By.id("id-state"), "号码有效"));
        // the library holds the applicant's ID card: no paper for M01, and the name comes from it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".covered[data-material='M01']"), "电子证照已覆盖"));
        assertEquals("", browser.findElement(By.cssSelector(".covered[data-material='M02']")).getText());
        wait.until(ExpectedConditions.attributeToBe(By.id("applicant-name"), "value", "钱七"));
        assertEquals("an ID card's number is an ID number: masked like any other", "电子证照已覆盖：居民身份证 330102********0075，无需纸质材料",
                browser.findElement(By.cssSelector(".covered[data-material='M01']")).getText());
        screenshot("clerk-intake");
        for (String code : List.of("M02", "M03")) {
            browser.findElement(By.cssSelector("#materials input[value='" + code + "']")).click();
        }
        browser.findElement(By.id("applicant-name")).sendKeys(Keys.F2);
        String caseNo = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-no"))).getText().replace("办件 ", "");
        assertTrue(caseNo, caseNo.matches("\\d{6}-\\d{8}-\\d{4}"));

        Path scan = Files.createTempFile("户口簿第1页-", ".png");
        ImageIO.write(page(), "png", scan.toFile());
        browser.findElement(By.id("scan-files")).sendKeys(scan.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#scan-previews img")));
        click(By.id("upload"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case > .scans img[alt='" + scan.getFileName() + "']")));
        screenshot("clerk-case");
        browser.findElement(By.tagName("body")).sendKeys(Keys.F9);
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "ACCEPTED"));
        assertTrue(browser.findElement(By.id("receipt")).isDisplayed());
        browser.get(BASE + "/api/v1/cases/" + caseNo + "/receipt");
        assertTrue("the receipt prints with the session cookie", browser.getPageSource().contains("受理回执"));
        screenshot("clerk-receipt");

        Cases.awaitStatus(appliance.http, caseNo, "IN_REVIEW");
        browser.get(BASE + "/console/");
        logout();
        login("reviewer");
        click(By.cssSelector("tr[data-case='" + caseNo + "'] a.open-case"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-case .scans img")));
        assertFalse("the reviewer sees no whole ID number, not even as a licence's", browser.findElement(By.tagName("body")).getText().contains(APPLICANT));
        screenshot("reviewer-case");
        click(By.id("approve"));
        click(By.id("confirm-yes"));
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "APPROVED"));
        click(By.id("hand-out"));
        click(By.id("confirm-yes"));
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "READY_FOR_PICKUP"));

        logout();
        login("clerk");
        browser.get(BASE + "/console/#/clerk/case/" + caseNo);
        String code = appliance.http.get("/cases/" + caseNo, "clerk").json().path("pickupCode").asText();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pickup-code"))).sendKeys(code);
        click(By.id("deliver"));
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "DELIVERED"));
    }

    /** Applicant and agent of the hand-out and search pages only (valid check digits). */
    private static final String COLLECTOR = "330106197512127892";
    private static final String COLLECTOR_AGENT = "330106199001014561";
    private static final String RETURNING = "330106198808081234";

    @Test
    public void theClerkHandsOutByTheApplicantsOrTheAgentsIdNumberAndAWrongOneIsRefused() throws Exception {
        String byApplicant = Cases.readyInstant(appliance.http, COLLECTOR, "孙八", null, null, null);
        String byAgent = Cases.readyInstant(appliance.http, COLLECTOR, "孙八", null, COLLECTOR_AGENT, "周九");
        login("clerk");
        handOut(byApplicant, APPLICANT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#main .error"), "取件核验未通过"));
        assertEquals("READY_FOR_PICKUP", browser.findElement(By.id("case-status")).getAttribute("data-status"));
        handOut(byApplicant, COLLECTOR.toLowerCase());
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "DELIVERED"));
        assertEquals("已出件：凭身份证件 330106********7892 领取", browser.findElement(By.id("collected-by")).getText());
        assertFalse(browser.findElement(By.tagName("body")).getText().contains(COLLECTOR));

        handOut(byAgent, COLLECTOR_AGENT);
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "DELIVERED"));
        assertEquals("已出件：凭身份证件 330106********4561 领取", browser.findElement(By.id("collected-by")).getText());
    }

    /** Types {@code collector} into the hand-out box of case {@code caseNo} and presses Enter, as a clerk does. */
    private static void handOut(String caseNo, String collector) {
        browser.get(BASE + "/console/#/clerk/case/" + caseNo);
        wait.until(ExpectedConditions.textToBe(By.id("case-no"), "办件 " + caseNo));
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("pickup-code")));
        box.clear();
        box.sendKeys(collector, Keys.ENTER);
    }

    @Test
    public void theClerkFindsACitizenWhoComesBackByAnyKey() throws Exception {
        String no = Cases.readyInstant(appliance.http, RETURNING, "吴十", "13700002222", null, null);
        String code = appliance.http.get("/cases/" + no, "clerk").json().path("pickupCode").asText();
        login("clerk");
        for (String key : List.of(no, code, RETURNING, "吴十", "137 0000 2222")) {
            WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("case-lookup")));
            box.clear();
            box.sendKeys(key, Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lookup-results tr[data-case='" + no + "']")));
            String shown = browser.findElement(By.id("lookup-results")).getText();
            assertTrue(key + ": " + shown, shown.contains("330106********1234") && shown.contains("137****2222"));
            assertFalse(key + ": " + shown, shown.contains(RETURNING) || shown.contains("13700002222"));
        }
        WebElement box = browser.findElement(By.id("case-lookup"));
        box.clear();
        box.sendKeys("12345", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#lookup-results .error"), "请输入办件编号"));
        box.clear();
        box.sendKeys(no, Keys.ENTER);
        click(By.cssSelector("#lookup-results tr[data-case='" + no + "'] a.open-case"));
        wait.until(ExpectedConditions.textToBe(By.id("case-no"), "办件 " + no));
    }

    @Test
    public void theSupervisorSeesTheCardBoardAndAChart() throws Exception {
        login("supervisor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("yellow-count")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
        screenshot("supervisor-board");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.stillThisPage = true");
        String first = browser.findElement(By.id("refreshed")).getText();
        new WebDriverWait(browser, Duration.ofSeconds(25)).until(d -> !d.findElement(By.id("refreshed")).getText().equals(first));
        assertEquals("refreshed without a reload", true, js.executeScript("return window.stillThisPage === true"));
    }

    @Test
    public void anAdministratorPreviewsACatalogFileThenImportsIt() throws Exception {
        Path file = Files.createTempFile("catalog", ".json");
        Files.writeString(file, CatalogFiles.array(CatalogFiles.item("IT-UI-1", "界面导入事项", 2)));
        login("admin");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("catalog-file"))).sendKeys(file.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-plan"), "新增 1 项"));
        assertEquals("a preview writes nothing", 404, appliance.http.get("/catalog/items/IT-UI-1", "clerk").status);
        screenshot("admin-import");
        click(By.id("catalog-import"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-result"), "新增 1 项"));
        assertEquals("1", browser.findElement(By.id("catalog-progress")).getAttribute("value"));
        assertEquals(200, appliance.http.get("/catalog/items/IT-UI-1", "clerk").status);
    }

    @Test
    public void theSecurityAdministratorAddsAUserAndChangesTheirRoles() throws Exception {
        login("security");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-user"))).sendKeys("lisi");
        browser.findElement(By.id("new-password")).sendKeys("Window-Pass-2026");
        click(By.id("add-user-button"));
        By roles = By.cssSelector("details.roles[data-user='lisi']");
        wait.until(ExpectedConditions.presenceOfElementLocated(roles));
        assertEquals(List.of("clerk"), checkedRoles("lisi"));
        assertEquals("the first password opens only the new clerk's own account", "PASSWORD_CHANGE_REQUIRED",
                appliance.http.get("/cases?size=1", "lisi:Window-Pass-2026").code());
        assertEquals(204, appliance.http.putJson("/account/password", "lisi:Window-Pass-2026",
                "{\"current\":\"Window-Pass-2026\",\"password\":\"Window-Own-2026\"}").status);
        assertEquals("the clerk's own password works", 200, appliance.http.get("/cases?size=1", "lisi:Window-Own-2026").status);
        // the roles are a choice list of OneWindow's roles and the catalog's departments, not typed
        click(By.cssSelector("details.roles[data-user='lisi'] summary"));
        for (String role : List.of("clerk", "reviewer", "dept-GA")) {
            click(By.cssSelector("details.roles[data-user='lisi'] input[value='" + role + "']"));
        }
        click(By.cssSelector("tr[data-user='lisi'] button.save-roles"));
        wait.until(d -> List.of("dept-GA", "reviewer").equals(Users.roles(appliance.http, "lisi")));
        wait.until(d -> List.of("reviewer", "dept-GA").equals(checkedRoles("lisi")));
        assertEquals("no longer a clerk", 403, appliance.http.postJson("/cases", "lisi:Window-Own-2026", Cases.open("GA-ZA-002", APPLICANT, "M01")).status);
        assertEquals(200, appliance.http.get("/review/queue?department=GA", "lisi:Window-Own-2026").status);
        screenshot("security-users");
        assertEquals("only the security administrator manages users", 403, appliance.http.get("/users", "admin").status);
        assertEquals(403, appliance.http.get("/users", "clerk").status);
        assertTrue("the security administrator has no window, no board", browser.findElements(By.cssSelector("nav a[data-page='clerk'], nav a[data-page='board']")).isEmpty());
    }

    @Test
    public void theSystemAdministratorSeesTheHubLinkButNoUsers() throws Exception {
        login("admin");
        // a district: replication to the hub on the admin page, no citywide board
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replication"), "尚未向市级枢纽注册"));
        assertTrue(browser.findElements(By.cssSelector("nav a[data-page='city']")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("nav a[data-page='users'], nav a[data-page='audit']")).isEmpty());
    }

    @Test
    public void aNewAdministratorSetsTheirPasswordEnrolsASecondFactorAndLogsInWithIt() throws Exception {
        assertEquals(201, appliance.http.postJson("/users", "security", "{\"name\":\"wu\",\"password\":\"Wu-First-2026\",\"roles\":[\"admin\"]}").status);
        browser.get(BASE + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("wu");
        browser.findElement(By.id("password")).sendKeys("Wu-First-2026", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("requirements"), "请先修改密码"));
        assertTrue("nothing but the account until then", browser.findElements(By.cssSelector("nav a[data-page='admin']")).isEmpty());
        screenshot("account-first-login");
        browser.findElement(By.id("current-password")).sendKeys("Wu-First-2026");
        browser.findElement(By.id("new-own-password")).sendKeys("Wu-Own-Pass-2026");
        browser.findElement(By.id("new-own-password-again")).sendKeys("Wu-Own-Pass-2026");
        click(By.id("change-password-button"));
        // demo mode offers the second factor without requiring it: the administrator's pages open
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a[data-page='admin']")));

        browser.get(BASE + "/console/#/account");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("factor-state"), "演示模式"));
        click(By.id("factor-start"));
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("factor-qr")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        screenshot("account-second-factor");
        byte[] secret = Totp.base32(browser.findElement(By.id("factor-secret")).getText());
        browser.findElement(By.id("factor-code")).sendKeys(Totp.code(secret, 0), Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#recovery-codes li"), 10));
        screenshot("account-recovery-codes");
        click(By.id("factor-continue"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("factor-state"), "已启用双因素认证"));

        logout();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("wu");
        browser.findElement(By.id("password")).sendKeys("Wu-Own-Pass-2026", Keys.ENTER);
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-code")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "动态码"));
        screenshot("login-second-factor");
        code.sendKeys(Totp.code(secret, 1), Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav a[data-page='admin']")));
    }

    @Test
    public void theAuditorReadsTheAccessLogAndNothingElse() throws Exception {
        assertEquals(401, appliance.http.get("/cases?size=1", "clerk:a-wrong-password").status);
        login("auditor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-events tr[data-event='LOGIN_FAILED']")));
        screenshot("auditor-log");
        assertTrue("no window, no board, no users", browser.findElements(
                By.cssSelector("nav a[data-page='clerk'], nav a[data-page='board'], nav a[data-page='users'], nav a[data-page='admin']")).isEmpty());
        assertEquals(403, appliance.http.get("/access/events", "security").status);
        assertEquals(403, appliance.http.get("/access/events", "admin").status);
    }

    @Test
    public void theKioskShowsACaseOnlyForTheRightCode() throws Exception {
        JsonNode accepted = Cases.accepted(appliance.http, appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json(), APPLICANT);
        String caseNo = accepted.path("caseNo").asText();
        browser.get(BASE + "/kiosk/");
        click(By.id("status"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("case-no"))).sendKeys(caseNo);
        browser.findElement(By.id("id-suffix")).sendKeys("000000", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("kiosk-error"), "办件编号或证件号码后六位不正确"));
        browser.findElement(By.id("id-suffix")).sendKeys(APPLICANT.substring(12), Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-status")));
        assertFalse("nothing about the applicant", browser.getPageSource().contains(APPLICANT));
        screenshot("kiosk-status");
        browser.get(BASE + "/kiosk/");
        click(By.id("guides"));
        click(By.cssSelector("#list button.item"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print")));
        screenshot("kiosk-guide");
    }

    @Test
    public void commonWordsAndPinyinFindItemsAtTheWindowAndTheKiosk() throws Exception {
        login("clerk");
        // in this order, so that no item waited for is still listed from the search before
        for (String[] expected : new String[][] {{"营业执照", "SJ-DJ-001"}, {"户籍", "GA-HJ-001"}, {"hkqr", "GA-HJ-001"}}) {
            WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("item-search")));
            search.clear();
            search.sendKeys(expected[0], Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.pick[data-code='" + expected[1] + "']")));
        }
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.pick"), 1));
        assertEquals("户口迁入登记", browser.findElement(By.cssSelector("tr.pick .item-name")).getText());

        browser.get(BASE + "/kiosk/");
        click(By.id("guides"));
        for (String[] expected : new String[][] {{"营业执照", "SJ-DJ-001"}, {"户籍", "GA-HJ-001"}, {"hkqr", "GA-HJ-001"}}) {
            WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
            search.clear();
            search.sendKeys(expected[0], Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#list button.item[data-code='" + expected[1] + "']")));
        }
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list button.item"), 1));
    }

    @Test
    public void htmlInACatalogNameIsShownAsText() throws Exception {
        String name = "<img src=x onerror=\"document.title='XSS'\">测试事项";
        assertEquals(200, appliance.http.postJson("/catalog/items", "admin",
                CatalogFiles.array(CatalogFiles.item("IT-XSS-1", name.replace("\"", "\\\""), 1))).status);
        login("clerk");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("item-search"))).sendKeys("IT-XSS-1", Keys.ENTER);
        WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.pick[data-code='IT-XSS-1'] .item-name")));
        assertEquals(name, cell.getText());
        assertTrue(browser.findElements(By.cssSelector("#item-results img")).isEmpty());
        click(By.cssSelector("tr.pick[data-code='IT-XSS-1']"));
        wait.until(ExpectedConditions.textToBe(By.id("guide-name"), name));
        assertNotEquals("XSS", browser.getTitle());
    }

    @Test
    public void theConsoleSwitchesToEnglishAndBack() {
        browser.get(BASE + "/console/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.login h1"), "工作人员登录"));
        click(By.cssSelector("form.login button.link"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.login h1"), "Staff login"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        click(By.cssSelector("form.login button.link"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form.login h1"), "工作人员登录"));
    }

    @Test
    public void aUserCannotReachAnotherRolesPagesOrApis() throws Exception {
        login("clerk");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("item-search")));
        assertTrue("no link to the board", browser.findElements(By.cssSelector("a[data-page='board']")).isEmpty());
        browser.get(BASE + "/console/#/board");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("forbidden")));
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/supervision/cards', {headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(r => done(r.status));");
        assertEquals("the server checks the role too", 403L, status);
        logout();
        assertEquals("logged out, the API refuses the old cookie", 401L, ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/cases', {headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(r => done(r.status));"));
    }

    /** A scanned page, as a real PNG the browser can show. */
    private static BufferedImage page() {
        BufferedImage image = new BufferedImage(420, 594, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 420, 594);
        g.setColor(new Color(0xB3261E));
        g.drawRect(20, 20, 380, 554);
        g.setColor(Color.GRAY);
        for (int y = 80; y < 560; y += 28) {
            g.drawLine(40, y, 380, y);
        }
        g.dispose();
        return image;
    }

    private static void login(String user) throws IOException {
        browser.get(BASE + "/console/");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        if ("clerk".equals(user)) {
            screenshot("login");
        }
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    /** The roles checked in a user's choice list, in the page's order. */
    private static List<String> checkedRoles(String user) {
        return browser.findElements(By.cssSelector("details.roles[data-user='" + user + "'] input:checked")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

    private static void logout() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    private static void click(By what) {
        wait.until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    private static void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
