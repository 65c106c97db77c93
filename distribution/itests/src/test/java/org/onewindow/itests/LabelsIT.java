package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the pages say and how a citizen moves through them (issue 19, defects 7, 8 and 11), in a real
 * headless Chromium against the real appliance in demo mode: labels in the page's language with the codes
 * kept as data, the roles as a choice list, whole numbers on the board's case axis, Chinese dates and file
 * buttons in a zh-CN page of an en-US browser, paging at the kiosk and in the online hall, the kiosk's fee
 * line and its on-screen keyboard, and the demo marker. Screenshots under target/screenshots.
 */
public class LabelsIT extends PageTest {
    private static final int PORT = Ports.of(9571);
    private static final String BASE = "http://localhost:" + PORT;
    /** An applicant of this test only whose ID number ends in the check digit X (valid). */
    private static final String APPLICANT = "33010619900101107X";
    private static final String CITIZEN = Citizens.withCheckDigit("33010619910202003");
    /** What a zh-CN page shows where it leaked a code or the browser's English. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(PENDING|RETRYING|DEAD|DONE|CANCELLED|UP|STARTING|DEGRADED|district|hub)\\b");

    @BeforeClass
    public static void start() throws Exception {
        open("labels", PORT, Ports.of(9511), APPLICANT);
    }

    @Test
    public void theAdminPageNamesTheNodeHealthAndOutboxInChineseWithTheCodesAsData() throws Exception {
        login(browser, wait, "admin");
        List<WebElement> counts = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#outbox-counts .outbox-count"), 5));
        assertEquals(Set.of("PENDING", "RETRYING", "DEAD", "DONE", "CANCELLED"),
                counts.stream().map(c -> c.getAttribute("data-state")).collect(Collectors.toSet()));
        WebElement node = browser.findElement(By.id("node"));
        assertEquals("district", node.getAttribute("data-role"));
        assertTrue(node.getText(), node.getText().contains("区县节点"));
        WebElement health = browser.findElement(By.id("health-status"));
        assertTrue(health.getAttribute("data-status"), health.getAttribute("data-status").matches("UP|STARTING|DEGRADED"));
        String text = browser.findElement(By.id("main")).getText();
        assertFalse(text, ENGLISH.matcher(text).find());
        assertEquals("选择文件", browser.findElement(By.cssSelector("button.file-choose")).getText());
        Browsers.screenshot(browser, "admin-labels");
    }

    @Test
    public void theSecurityAdministratorChoosesRolesAndDepartmentsFromAList() throws Exception {
        login(browser, wait, "security");
        WebElement choices = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-roles")));
        List<String> offered = choices.findElements(By.cssSelector("input[type=checkbox]")).stream().map(i -> i.getAttribute("value")).toList();
        for (String role : List.of("clerk", "reviewer", "supervisor", "admin", "security", "auditor", "monitor", "dept-ALL")) {
            assertTrue(role + " in " + offered, offered.contains(role));
        }
        String ga = null;
        for (JsonNode d : appliance.http.get("/catalog/departments", "security").json()) {
            assertTrue(d.toString(), offered.contains("dept-" + d.path("code").asText()));
            if ("GA".equals(d.path("code").asText())) {
                ga = d.path("name").asText();
            }
        }
        assertTrue("no free text for roles", browser.findElements(By.cssSelector("input.roles, input#new-roles")).isEmpty());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("new-user"))).sendKeys("zhaoliu");
        browser.findElement(By.id("new-password")).sendKeys("Window-Pass-2026");
        // a new account is a clerk unless chosen otherwise
        assertTrue(choices.findElement(By.cssSelector("input[value='clerk']")).isSelected());
        for (String role : List.of("clerk", "supervisor", "dept-GA")) {
            click(By.cssSelector("#new-roles input[value='" + role + "']"));
        }
        assertEquals("督办、" + ga, choices.findElement(By.tagName("summary")).getText());
        click(By.id("add-user-button"));
        wait.until(d -> List.of("dept-GA", "supervisor").equals(Users.roles(appliance.http, "zhaoliu")));
        By row = By.cssSelector("details.roles[data-user='zhaoliu']");
        click(By.cssSelector("details.roles[data-user='zhaoliu'] summary"));
        click(By.cssSelector("details.roles[data-user='zhaoliu'] input[value='dept-SJ']"));
        Browsers.screenshot(browser, "security-roles");
        click(By.cssSelector("tr[data-user='zhaoliu'] button.save-roles"));
        wait.until(d -> List.of("dept-GA", "dept-SJ", "supervisor").equals(Users.roles(appliance.http, "zhaoliu")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "督办"));
        // the server's rules stay: two of the three administrators in one account are refused
        click(By.cssSelector("details.roles[data-user='zhaoliu'] summary"));
        click(By.cssSelector("details.roles[data-user='zhaoliu'] input[value='admin']"));
        click(By.cssSelector("details.roles[data-user='zhaoliu'] input[value='auditor']"));
        click(By.cssSelector("tr[data-user='zhaoliu'] button.save-roles"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users"), "须由不同的人担任"));
        assertEquals(List.of("dept-GA", "dept-SJ", "supervisor"), Users.roles(appliance.http, "zhaoliu"));
    }

    @Test
    public void theCodeColumnsSayWhatTheyHold() throws Exception {
        String caseNo = Cases.accepted(appliance.http, appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json(), APPLICANT)
                .path("caseNo").asText();
        Cases.awaitStatus(appliance.http, caseNo, "IN_REVIEW");
        login(browser, wait, "reviewer");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case='" + caseNo + "']")));
        assertEquals("the queue's first column holds case numbers", "办件编号", browser.findElement(By.cssSelector("#main thead th")).getText());
        click(By.cssSelector("tr[data-case='" + caseNo + "'] a.open-case"));
        WebElement code = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main td.material-state")));
        List<String> headers = browser.findElements(By.cssSelector("#main thead th")).stream().map(WebElement::getText).toList();
        assertTrue("the materials' codes: " + headers, headers.contains("材料编号"));
        assertFalse(headers.toString(), headers.contains("事项编码"));
        assertTrue(code.isDisplayed());
    }

    @Test
    public void theBoardCountsCasesInWholeNumbers() throws Exception {
        Cases.accepted(appliance.http, appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json(), APPLICANT);
        login(browser, wait, "supervisor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<?> ticks = wait.until(d -> {
            Object t = js.executeScript("const c = window.echarts && echarts.getInstanceByDom(document.getElementById('chart'));"
                    + "if (!c || !c.getModel()) return null;"
                    + "return c.getModel().getComponent('yAxis', 0).axis.scale.getTicks().map(t => t.value);");
            return t instanceof List<?> l && l.size() > 1 ? l : null;
        });
        for (Object tick : ticks) {
            double value = ((Number) tick).doubleValue();
            assertEquals("case counts on the axis: " + ticks, Math.rint(value), value, 0);
        }
        Browsers.screenshot(browser, "board-axis");
    }

    @Test
    public void aChinesePageInAnEnglishBrowserShowsChineseDatesAndButtons() throws Exception {
        WebDriver english = Browsers.chromium("en-US");
        try {
            WebDriverWait waitEnglish = new WebDriverWait(english, java.time.Duration.ofSeconds(20));
            english.get(BASE + "/console/");
            Object language = ((JavascriptExecutor) english).executeScript("return navigator.language + ' ' + new Date(0).toLocaleString()");
            assertTrue("the browser speaks English: " + language, String.valueOf(language).startsWith("en"));
            login(english, waitEnglish, "auditor");
            WebElement at = waitEnglish.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-events tbody tr td")));
            assertTrue(at.getText(), at.getText().matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}"));
            Browsers.screenshot(english, "en-browser-audit");
            logout(english, waitEnglish);
            login(english, waitEnglish, "supervisor");
            WebElement stamp = waitEnglish.until(ExpectedConditions.presenceOfElementLocated(By.id("refreshed")));
            waitEnglish.until(d -> !stamp.getText().isEmpty());
            assertTrue(stamp.getText(), stamp.getText().matches("更新于 \\d{2}:\\d{2}:\\d{2}（每 15 秒自动刷新）"));
            logout(english, waitEnglish);
            login(english, waitEnglish, "admin");
            WebElement choose = waitEnglish.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.file-choose")));
            assertEquals("选择文件", choose.getText());
            assertEquals("未选择文件", english.findElement(By.cssSelector(".file-names")).getText());
            assertFalse("the browser's own input is out of sight", english.findElement(By.id("catalog-file")).isDisplayed());
            Browsers.screenshot(english, "en-browser-admin");
        } finally {
            english.quit();
        }
    }

    @Test
    public void theAuditorsDatesFollowTheChinesePageInAnEnglishBrowser() throws Exception {
        WebDriver english = Browsers.chromium("en-US");
        try {
            WebDriverWait w = new WebDriverWait(english, java.time.Duration.ofSeconds(20));
            login(english, w, "auditor");
            WebElement from = w.until(ExpectedConditions.elementToBeClickable(By.id("trail-from")));
            WebElement to = english.findElement(By.id("trail-to"));
            // Chromium draws <input type=date> in the browser's language (mm/dd/yyyy) whatever the page's lang says
            for (WebElement field : List.of(from, to)) {
                assertEquals("a date typed in the page's form", "text", field.getAttribute("type"));
                assertEquals("年-月-日，如 2026-12-06", field.getAttribute("placeholder"));
            }
            Browsers.screenshot(english, "en-browser-audit-dates");
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            // a date that does not exist is refused in the page's language, before anything is asked
            from.sendKeys("2026-13-45");
            english.findElement(By.id("trail-search")).click();
            WebElement problem = w.until(ExpectedConditions.visibilityOfElementLocated(By.id("trail-verify")));
            w.until(ExpectedConditions.textToBePresentInElement(problem, "日期"));
            assertTrue(problem.getText(), problem.getText().contains("2026-13-45") && !problem.getText().matches(".*[A-Za-z]{4,}.*"));
            assertEquals("true", from.getAttribute("aria-invalid"));
            // a day as a hall writes it (2026/12/06, 2026.12.06) is read and shown in the one form
            from.clear();
            from.sendKeys(today.replace('-', '/'));
            to.sendKeys(today.replace('-', '.'));
            english.findElement(By.id("trail-search")).click();
            w.until(d -> today.equals(from.getAttribute("value")) && today.equals(to.getAttribute("value")));
            assertEquals("false", from.getAttribute("aria-invalid"));
            // the rows are drawn again for the search: every one of today (a page's time reads 2026/12/06 14:45:50)
            String day = today.replace('-', '/');
            w.until(d -> {
                Object times = ((JavascriptExecutor) d).executeScript(
                        "return [...document.querySelectorAll('#audit-trail tbody tr')].map(r => r.cells[1].textContent)");
                return times instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(at -> String.valueOf(at).startsWith(day));
            });
            // from tomorrow on: nothing yet
            from.clear();
            from.sendKeys(java.time.LocalDate.parse(today).plusDays(1).toString());
            to.clear();
            english.findElement(By.id("trail-search")).click();
            w.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#audit-trail tbody tr"), 0));
        } finally {
            english.quit();
        }
    }

    @Test
    public void theAuditTrailReadsInBothLanguages() throws Exception {
        for (String language : List.of("en", "zh-CN")) {
            browser.get(BASE + "/console/");
            ((JavascriptExecutor) browser).executeScript("localStorage.setItem('ow.lang', arguments[0])", language);
            login(browser, wait, "auditor");
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#audit-trail tbody tr"), 3));
            Browsers.screenshot(browser, "audit-trail-" + language);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            // every heading on one line, and the sequence number, time, role, client and outcome of a row on one line each:
            // an audit trail is read across, a time broken over two lines or a heading letter by letter is not read
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) js.executeScript(
                    "const out = [];"
                    + "const one = (el, what) => { const r = document.createRange(); r.selectNodeContents(el);"
                    + "  const lines = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.bottom))).size;"
                    + "  if (lines > 1) out.push(what + ': ' + el.textContent + ' (' + lines + ' lines)'); };"
                    + "document.querySelectorAll('#audit-trail thead th').forEach(th => one(th, 'heading'));"
                    + "document.querySelectorAll('#audit-trail tbody tr').forEach(tr => [0, 1, 3, 4, 5, 9].forEach(i => tr.cells[i] && one(tr.cells[i], 'cell ' + i)));"
                    + "return out;");
            assertTrue(language + ": " + broken, broken.isEmpty());
            // what does not fit scrolls inside the table's own box, not the whole page
            Object pageWider = js.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertEquals(language + ": the page itself does not scroll sideways", Boolean.FALSE, pageWider);
            logout(browser, wait);
        }
        browser.get(BASE + "/console/");
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('ow.lang', 'zh-CN')");
    }

    @Test
    public void theBoardsRateAxisHasItsPercentages() throws Exception {
        Cases.accepted(appliance.http, appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json(), APPLICANT);
        login(browser, wait, "supervisor");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        List<?> labels = wait.until(d -> {
            Object t = js.executeScript("const c = window.echarts && echarts.getInstanceByDom(document.getElementById('chart'));"
                    + "if (!c || !c.getModel() || !c.getModel().getComponent('yAxis', 1)) return null;"
                    + "const axis = c.getModel().getComponent('yAxis', 1).axis;"
                    + "return axis.getViewLabels().map(l => l.formattedLabel);");
            return t instanceof List<?> l && !l.isEmpty() ? l : null;
        });
        Browsers.screenshot(browser, "board-rate-axis");
        assertEquals("the in-time rate's axis: " + labels, List.of("0%", "20%", "40%", "60%", "80%", "100%"), labels);
    }

    @Test
    public void theSecurityAdministratorConfirmsBeforeDeletingAnAccount() throws Exception {
        Http.Answer made = appliance.http.postJson("/users", "security", "{\"name\":\"sunba\",\"password\":\"Window-Pass-2026\",\"roles\":[\"clerk\"]}");
        assertEquals(made.toString(), 201, made.status);
        login(browser, wait, "security");
        // 删除 ends a colleague's account at once: it asks first, naming the account; Esc keeps it
        click(By.cssSelector("tr[data-user='sunba'] button.delete-user"));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        assertTrue(dialog.getText(), dialog.getText().contains("sunba") && dialog.getText().contains("删除"));
        Browsers.screenshot(browser, "security-confirm-delete");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
        Thread.sleep(500);
        assertEquals(List.of("clerk"), Users.roles(appliance.http, "sunba"));
        click(By.cssSelector("tr[data-user='sunba'] button.delete-user"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-user='sunba']"), 0));
        assertEquals(null, Users.roles(appliance.http, "sunba"));
    }

    @Test
    public void theAppointmentsDayFollowsTheChinesePageInAnEnglishBrowser() throws Exception {
        WebDriver english = Browsers.chromium("en-US");
        try {
            WebDriverWait w = new WebDriverWait(english, java.time.Duration.ofSeconds(20));
            login(english, w, "supervisor");
            english.get(BASE + "/console/#/appointments");
            WebElement day = w.until(ExpectedConditions.elementToBeClickable(By.id("appt-day")));
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
            assertEquals("text", day.getAttribute("type"));
            assertEquals(today, day.getAttribute("value"));
            assertEquals("年-月-日，如 2026-12-06", day.getAttribute("placeholder"));
            w.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#appointments .counts")));
            Browsers.screenshot(english, "en-browser-appointments");
            String tomorrow = java.time.LocalDate.parse(today).plusDays(1).toString();
            day.clear();
            day.sendKeys(tomorrow.replace('-', '/'), Keys.ENTER);
            w.until(d -> tomorrow.equals(day.getAttribute("value")));
        } finally {
            english.quit();
        }
    }

    @Test
    public void theAuditorReadsObjectsAndLoginWaysInChinese() throws Exception {
        appliance.http.get("/users", "security");
        login(browser, wait, "auditor");
        WebElement way = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-events tbody tr td:nth-child(5)")));
        String access = browser.findElement(By.id("access-events")).getText();
        assertFalse("the ways of logging in named: " + access, access.matches("(?s).*\\b(CONSOLE|BASIC|SHELL)\\b.*"));
        assertTrue(access, access.contains("控制台") && access.contains("接口"));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#audit-trail tbody tr"), 1));
        String trail = browser.findElement(By.cssSelector("#audit-trail table")).getText();
        assertFalse("the trail's objects named: " + trail, trail.matches("(?s).*\\b(USER|CASE|CATALOG|LICENCE_HOLDER|SCAN|CITIZEN|CONFIG)\\b.*"));
        assertTrue(trail, trail.contains("用户 auditor"));
        assertTrue(way.isDisplayed());
    }

    @Test
    public void theHubAddressFieldShowsAWholeAddress() throws Exception {
        login(browser, wait, "admin");
        WebElement url = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hub-url")));
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "const el = arguments[0]; const probe = document.createElement('span');"
                + "probe.style.font = getComputedStyle(el).font; probe.style.whiteSpace = 'pre'; probe.textContent = 'https://hub.city.example.gov.cn:8443';"
                + "document.body.append(probe); const w = probe.getBoundingClientRect().width; probe.remove();"
                + "return el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft) - parseFloat(getComputedStyle(el).paddingRight) >= w;", url);
        assertEquals("a city hub's address is read whole before it is registered", Boolean.TRUE, fits);
    }

    @Test
    public void theSupervisorOpensTheCaseBehindACard() throws Exception {
        JsonNode item = appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json();
        String no = Cases.accepted(appliance.http, item, APPLICANT).path("caseNo").asText();
        Cases.awaitStatus(appliance.http, no, "IN_REVIEW");
        // a demand beyond the catalog: a red card at once
        Http.Answer beyond = appliance.http.postJson("/cases/" + no + "/supplement", "reviewer", "{\"materials\":[\"M99\"]}");
        assertEquals(beyond.toString(), "MATERIAL_NOT_IN_CATALOG", beyond.code());
        login(browser, wait, "supervisor");
        By card = By.cssSelector("#cards a.open-case[data-case='" + no + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(card));
        Browsers.screenshot(browser, "board-card-link");
        click(card);
        wait.until(ExpectedConditions.textToBe(By.id("case-no"), "办件 " + no));
        String shown = browser.findElement(By.id("board-case")).getText();
        assertTrue(shown, shown.contains("330106********107X") && !shown.contains(APPLICANT));
        assertTrue(shown, browser.findElement(By.id("case-clock")).getText().contains("办结期限"));
        Browsers.screenshot(browser, "board-case");
        click(By.id("back-to-board"));
        wait.until(ExpectedConditions.presenceOfElementLocated(card));
    }

    @Test
    public void theEnglishPagesWriteDaysInTheFormTheirFieldsTake() throws Exception {
        browser.get(BASE + "/console/");
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('ow.lang', 'en')");
        try {
            login(browser, wait, "auditor");
            // a day typed as 2026-12-06 in the filters is read as 2026-12-06 in the rows, never 12/06/2026 (6 Dec or 12 Jun?)
            WebElement at = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-events tbody tr td")));
            assertTrue(at.getText(), at.getText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
            WebElement trail = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-trail tbody tr td:nth-child(2)")));
            assertTrue(trail.getText(), trail.getText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
            logout(browser, wait);
        } finally {
            ((JavascriptExecutor) browser).executeScript("localStorage.setItem('ow.lang', 'zh-CN')");
        }
    }

    @Test
    public void everyColumnOfTheUsersTableIsHeaded() throws Exception {
        login(browser, wait, "security");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users tr[data-user='clerk']")));
        List<String> headings = browser.findElements(By.cssSelector("#users thead th")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("用户名", "角色", "密码", "状态", "操作"), headings);
    }

    @Test
    public void theReviewQueueSaysWhichDepartmentACaseIsFor() throws Exception {
        String caseNo = Cases.accepted(appliance.http, appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json(), APPLICANT)
                .path("caseNo").asText();
        Cases.awaitStatus(appliance.http, caseNo, "IN_REVIEW");
        login(browser, wait, "reviewer");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-case='" + caseNo + "']")));
        List<String> headings = browser.findElements(By.cssSelector("#main thead th")).stream().map(WebElement::getText).toList();
        assertTrue(headings.toString(), headings.contains("承办部门"));
        assertTrue(row.getText(), row.getText().contains("区公安分局"));
    }

    @Test
    public void theKioskPagesThroughTheWholeCatalog() throws Exception {
        long total = appliance.http.get("/public/catalog/items?size=1", null).json().path("total").asLong();
        assertTrue("the demo catalog has more than a page: " + total, total > 30);
        browser.get(BASE + "/kiosk/");
        click(By.id("guides"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list button.item"), 30));
        WebElement pager = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kiosk-pager")));
        assertEquals(String.valueOf((total + 29) / 30), pager.getAttribute("data-pages"));
        List<String> first = codes("#list button.item");
        click(By.cssSelector("#kiosk-pager .pager-next"));
        wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-pager"), "data-page", "2"));
        List<String> second = codes("#list button.item");
        List<String> expected = new ArrayList<>();
        appliance.http.get("/public/catalog/items?size=30&page=2", null).json().path("items").forEach(i -> expected.add(i.path("code").asText()));
        assertEquals(expected, second);
        assertNotEquals(first, second);
        Browsers.screenshot(browser, "kiosk-page-2");
        click(By.cssSelector("#kiosk-pager .pager-prev"));
        wait.until(ExpectedConditions.attributeToBe(By.id("kiosk-pager"), "data-page", "1"));
        assertEquals(first, codes("#list button.item"));
    }

    @Test
    public void theKioskGuideSaysWhatItCosts() throws Exception {
        String free = null;
        JsonNode paid = null;
        for (JsonNode i : appliance.http.get("/public/catalog/items?size=100", null).json().path("items")) {
            if (free == null && i.path("fee").decimalValue().signum() == 0) {
                free = i.path("code").asText();
            }
            if (paid == null && i.path("fee").decimalValue().signum() > 0) {
                paid = i;
            }
        }
        assertEquals("收费：免费", kioskGuide(free).getText());
        assertEquals("收费：" + paid.path("fee").decimalValue().stripTrailingZeros().toPlainString() + " 元", kioskGuide(paid.path("code").asText()).getText());
        Browsers.screenshot(browser, "kiosk-guide-fee");
    }

    @Test
    public void theKioskKeyboardTypesACaseNumberAnIdSuffixAndASearch() throws Exception {
        String caseNo = Cases.accepted(appliance.http, appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json(), APPLICANT)
                .path("caseNo").asText();
        browser.get(BASE + "/kiosk/");
        click(By.id("status"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".osk-digits")));
        WebElement key = browser.findElement(By.cssSelector(".osk-key[data-key='5']"));
        assertTrue("a key a finger hits: " + key.getSize(), key.getSize().getHeight() >= 64 && key.getSize().getWidth() >= 64);
        tap(caseNo);
        assertEquals(caseNo, browser.findElement(By.id("case-no")).getAttribute("value"));
        click(By.id("id-suffix"));
        tap(APPLICANT.substring(12));
        assertEquals("01107X", browser.findElement(By.id("id-suffix")).getAttribute("value"));
        Browsers.screenshot(browser, "kiosk-keyboard");
        click(By.cssSelector(".osk-key[data-key='Enter']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-status")));

        browser.get(BASE + "/kiosk/");
        click(By.id("guides"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".osk-letters")));
        tap("HKQR");
        assertEquals("hkqr", browser.findElement(By.id("q")).getAttribute("value"));
        click(By.cssSelector(".osk-key[data-key='Enter']"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list button.item"), 1));
        assertEquals("GA-HJ-001", browser.findElement(By.cssSelector("#list button.item")).getAttribute("data-code"));
        click(By.cssSelector(".osk-key[data-key='Clear']"));
        assertEquals("", browser.findElement(By.id("q")).getAttribute("value"));
    }

    @Test
    public void theOnlineHallPagesThroughTheItemsToBook() throws Exception {
        Citizens.bindAtWindow(appliance.http, CITIZEN, "13800138077");
        browser.get(BASE + "/api/v1/public/online/appointments/days");
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/online/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber"))).sendKeys(CITIZEN);
        click(By.id("send-code"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), "138****8077"));
        browser.findElement(By.id("code")).sendKeys(Citizens.lastCode(Citizens.noticesIn(appliance.home.resolve("data")), CITIZEN));
        click(By.id("sign-in"));
        click(By.id("tile-book"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items button.item"), 20));
        List<String> first = codes("#items button.item");
        click(By.cssSelector("#book-pager .pager-next"));
        wait.until(ExpectedConditions.attributeToBe(By.id("book-pager"), "data-page", "2"));
        List<String> second = codes("#items button.item");
        assertNotEquals(first, second);
        Browsers.screenshot(browser, "online-book-page-2");
        // an item of the second page is booked as any other
        click(By.cssSelector("#items button.item[data-code='" + second.get(0) + "']"));
        wait.until(ExpectedConditions.attributeToBe(By.id("chosen-item"), "data-code", second.get(0)));
    }

    @Test
    public void aSlowAnswerToAnEarlierSearchNeverOverwritesTheNewerOneAtTheKioskOrOnline() throws Exception {
        List<String> newer = itemCodes("营业执照", 30, false);
        assertNotEquals("the two searches find different items", itemCodes("营", 30, false), newer);
        browser.get(BASE + "/kiosk/");
        click(By.id("guides"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list button.item"), 30));
        searchTwiceTheFirstSlowly(By.id("q"));
        assertEquals("the kiosk shows the answer to what is in the box", newer, codes("#list button.item"));
        Browsers.screenshot(browser, "kiosk-search-newest");

        String citizen = Citizens.withCheckDigit("33010619910202004");
        signInOnline(citizen, "13800138078");
        click(By.id("tile-book"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#items button.item"), 20));
        searchTwiceTheFirstSlowly(By.id("item-q"));
        assertEquals("booking shows the answer to what is in the box", itemCodes("营业执照", 20, false), codes("#items button.item"));

        browser.get(BASE + "/online/#/apply");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#apply-items button.item")));
        List<String> online = itemCodes("营业执照", 100, true);
        assertNotEquals(itemCodes("营", 100, true), online);
        searchTwiceTheFirstSlowly(By.id("apply-q"));
        assertEquals("the application search shows the answer to what is in the box", online, codes("#apply-items button.item"));
    }

    @Test
    public void theKioskShowsACasesStatusWhereTheCitizenLooksAndForgetsItWhenTheyLeave() throws Exception {
        String caseNo = Cases.accepted(appliance.http, appliance.http.get("/catalog/items/GA-HJ-001", "clerk").json(), APPLICANT)
                .path("caseNo").asText();
        // the kiosk's start address sets how long an untouched screen keeps a citizen's data (here 5 s)
        browser.get(BASE + "/kiosk/?idle=5");
        click(By.id("status"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".osk-digits")));
        tap(caseNo);
        click(By.id("id-suffix"));
        tap(APPLICANT.substring(12));
        click(By.cssSelector(".osk-key[data-key='Enter']"));
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("public-status")));
        Browsers.screenshot(browser, "kiosk-status-answer");
        assertTrue("the answer is on the screen, not below the keyboard", inView(browser.findElement(By.id("answer"))));
        assertFalse(status.getText().isBlank());
        // the citizen walks away: the next one finds the start page, not the case
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("guides")));
        assertTrue(browser.findElements(By.id("public-status")).isEmpty());
        assertTrue(browser.findElements(By.id("case-no")).isEmpty());

        browser.get(BASE + "/kiosk/?idle=5");
        click(By.id("status"));
        tap("441302-20200101-0001");
        click(By.id("id-suffix"));
        tap("000000");
        click(By.cssSelector(".osk-key[data-key='Enter']"));
        assertTrue("a wrong code is said where the citizen looks", inView(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kiosk-error")))));
    }

    @Test
    public void theKioskGoesBackFromAGuideToTheListItCameFrom() throws Exception {
        browser.get(BASE + "/kiosk/");
        click(By.id("guides"));
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        q.sendKeys("营业执照", Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list button.item"), 2));
        List<String> found = codes("#list button.item");
        click(By.cssSelector("#list button.item[data-code='SJ-DJ-002']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("guide-fee")));
        click(By.cssSelector("button.back"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
        assertEquals("the search is still there", "营业执照", browser.findElement(By.id("q")).getAttribute("value"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#list button.item"), 2));
        assertEquals(found, codes("#list button.item"));
    }

    @Test
    public void theKioskPrintsTheGuideWithoutItsButtonsAndKeepsRoomBelowTheDemoMarker() throws Exception {
        kioskGuide("GA-HJ-001");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertNotEquals("the screen keeps room below the demo marker", "0px",
                js.executeScript("return getComputedStyle(document.body).paddingBottom;"));
        ((HasCdp) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals("a printed guide has no buttons", "none", js.executeScript("return getComputedStyle(document.getElementById('print')).display;"));
            assertEquals("none", js.executeScript("return getComputedStyle(document.querySelector('button.back')).display;"));
        } finally {
            ((HasCdp) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    public void aCitizenWhoLeavesTheKioskSignedInIsSignedOutAndTheKioskStartsAgain() throws Exception {
        String citizen = Citizens.withCheckDigit("33010619910202005");
        browser.get(BASE + "/api/v1/public/online/appointments/days");
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/kiosk/?idle=8");
        click(By.id("mine"));
        wait.until(ExpectedConditions.urlContains("channel=kiosk"));
        assertTrue("the kiosk's idle time goes along: " + browser.getCurrentUrl(), browser.getCurrentUrl().contains("idle=8"));
        // the online hall draws its bar once its texts are loaded: wait for the way back rather than look once
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("to-kiosk")));
        assertFalse("a way back to the kiosk's start", browser.findElements(By.id("to-kiosk")).isEmpty());
        enterOnline(citizen, "13800138079");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-cases")));
        // nobody touches the screen: signed out, back at the kiosk's start page
        new WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("guides")));
        browser.get(BASE + "/online/?channel=kiosk#/cases");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber")));
        assertTrue("the session ended on the server too", browser.findElements(By.id("who")).isEmpty());
    }

    @Test
    public void theOnlineSignInFitsAPhone() throws Exception {
        String citizen = Citizens.withCheckDigit("33010619910202006");
        Citizens.bindAtWindow(appliance.http, citizen, "13800138080");
        browser.get(BASE + "/api/v1/public/online/appointments/days");
        browser.manage().deleteAllCookies();
        HasCdp cdp = (HasCdp) browser;
        cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.get(BASE + "/online/");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber"))).sendKeys(citizen);
            click(By.id("send-code"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), "138****8080"));
            Browsers.screenshot(browser, "online-sign-in-phone");
            Object outside = ((JavascriptExecutor) browser).executeScript("const card = document.querySelector('form.sign-in').getBoundingClientRect();"
                    + "return [...document.querySelectorAll('form.sign-in *')].filter(e => e.getBoundingClientRect().right > Math.min(card.right, innerWidth) + 0.5)"
                    + ".map(e => e.id || e.tagName);");
            assertEquals("nothing sticks out of the card or the screen", List.of(), outside);
        } finally {
            cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    public void theKiosksSignInToMyCasesTakesTheIdNumberOnAnOnScreenKeyboard() throws Exception {
        String citizen = Citizens.withCheckDigit("33010619910202016");
        Citizens.bindAtWindow(appliance.http, citizen, "13800138081");
        browser.get(BASE + "/api/v1/public/online/appointments/days");
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/online/?channel=kiosk#/cases");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".osk-digits")));
        WebElement key = browser.findElement(By.cssSelector(".osk-key[data-key='5']"));
        assertTrue("a key a finger hits: " + key.getSize(), key.getSize().getHeight() >= 64 && key.getSize().getWidth() >= 64);
        assertTrue("an ID number ending in X", citizen.endsWith("X"));
        tap(citizen);
        assertEquals(citizen, browser.findElement(By.id("idNumber")).getAttribute("value"));
        click(By.id("send-code"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), "138****8081"));
        click(By.id("code"));
        tap(Citizens.lastCode(Citizens.noticesIn(appliance.home.resolve("data")), citizen));
        Browsers.screenshot(browser, "kiosk-online-sign-in");
        click(By.cssSelector(".osk-key[data-key='Enter']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        click(By.id("to-kiosk"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("guides")));
    }

    @Test
    public void theOnlineGuideShowsTheStatutoryAndThePromisedLimit() throws Exception {
        signInOnline(Citizens.withCheckDigit("33010619910202007"), "13800138082");
        browser.get(BASE + "/online/#/apply");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("apply-q"))).sendKeys("GA-ZA-001", Keys.ENTER);
        By item = By.cssSelector("#apply-items button.item[data-code='GA-ZA-001']");
        wait.until(d -> {
            d.findElement(item).click();
            return true;
        });
        JsonNode guide = appliance.http.get("/public/catalog/items/GA-ZA-001", null).json();
        assertEquals(guide.path("statutoryLimitDays").asInt() + " 个工作日",
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("guide-statutory"))).getText());
        assertEquals(guide.path("timeLimitDays").asInt() + " 个工作日", browser.findElement(By.id("guide-promised")).getText());
    }

    @Test
    public void districtItsShellNeedsNoJavaHome() throws Exception {
        // what bin/client's start script says comes first, whatever the shell prints (nothing without a terminal)
        String status = appliance.client("onewindow:status", true);
        assertFalse("bin/client finds the Java on the PATH: " + status, status.contains("JAVA_HOME not set") || status.contains("java command not found"));
    }

    @Test
    public void everyPageOfADemoNodeSaysSo() throws Exception {
        assertTrue(appliance.http.get("", null).json().path("demo").asBoolean(false));
        for (String page : List.of("/console/", "/kiosk/", "/online/")) {
            browser.get(BASE + page);
            WebElement marker = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-marker")));
            assertEquals(page, "演示模式 — 数据仅供演示", marker.getText());
        }
        login(browser, wait, "clerk");
        assertTrue("still there once logged in", browser.findElement(By.id("demo-marker")).isDisplayed());
        Browsers.screenshot(browser, "demo-marker");
    }

    /**
     * Searches 营, then 营业执照 before the first answer came: the catalog's answer to 营 is held 2 s in the page
     * (its fetch wrapped, as a slow link or a busy server would), so that it comes back last; returns once it did.
     */
    private static void searchTwiceTheFirstSlowly(By box) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("const slow = arguments[0]; window.fetchNow = window.fetchNow || window.fetch; window.slowAnswered = false;"
                + "window.fetch = (url, init) => { const answer = window.fetchNow(url, init);"
                + " if (new URL(url, location.href).searchParams.get('q') !== slow) return answer;"
                + " return answer.then(r => new Promise(done => setTimeout(() => { done(r); setTimeout(() => { window.slowAnswered = true; }, 500); }, 2000))); };",
                "营");
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(box));
        q.clear();
        q.sendKeys("营", Keys.ENTER);
        q.sendKeys("业执照", Keys.ENTER);
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return window.slowAnswered;")));
        assertEquals("营业执照", q.getAttribute("value"));
    }

    /** The codes of the catalog's first page for {@code q}, or of its items offered online. */
    private static List<String> itemCodes(String q, int size, boolean onlineOnly) {
        List<String> codes = new ArrayList<>();
        appliance.http.get("/public/catalog/items?size=" + size + "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), null)
                .json().path("items").forEach(i -> {
                    if (!onlineOnly || i.path("online").asBoolean()) {
                        codes.add(i.path("code").asText());
                    }
                });
        return codes;
    }

    /** A citizen whose mobile a clerk bound signs in to the online hall with the code sent to it. */
    private static void signInOnline(String citizen, String mobile) throws Exception {
        browser.get(BASE + "/api/v1/public/online/appointments/days");
        browser.manage().deleteAllCookies();
        browser.get(BASE + "/online/");
        enterOnline(citizen, mobile);
    }

    /** The same on the sign-in page open in the browser. */
    private static void enterOnline(String citizen, String mobile) throws Exception {
        Citizens.bindAtWindow(appliance.http, citizen, mobile);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("idNumber"))).sendKeys(citizen);
        click(By.id("send-code"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-sent"), mobile.substring(0, 3) + "****" + mobile.substring(7)));
        browser.findElement(By.id("code")).sendKeys(Citizens.lastCode(Citizens.noticesIn(appliance.home.resolve("data")), citizen));
        click(By.id("sign-in"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    /** Whether {@code e} is wholly inside the browser's window as it is scrolled now. */
    private static boolean inView(WebElement e) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", e));
    }

    /** Taps {@code text} on the kiosk's on-screen keyboard, key by key. */
    private static void tap(String text) {
        for (char c : text.toCharArray()) {
            click(By.cssSelector(".osk-key[data-key='" + c + "']"));
        }
    }

    private static WebElement kioskGuide(String code) {
        browser.get(BASE + "/kiosk/");
        click(By.id("guides"));
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        q.sendKeys(code, Keys.ENTER);
        // the list is drawn again for the search: a button found just before is found again
        By item = By.cssSelector("#list button.item[data-code='" + code + "']");
        wait.until(d -> {
            d.findElement(item).click();
            return true;
        });
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("guide-fee")));
    }

    private static List<String> codes(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(e -> e.getAttribute("data-code")).toList();
    }

    private static void login(WebDriver b, WebDriverWait w, String user) throws IOException {
        b.get(BASE + "/console/");
        w.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(user);
        b.findElement(By.id("password")).sendKeys(user + "-demo", Keys.ENTER);
        w.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private static void logout(WebDriver b, WebDriverWait w) {
        w.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
        w.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    private static void click(By what) {
        wait.until(ExpectedConditions.elementToBeClickable(what)).click();
    }
}
