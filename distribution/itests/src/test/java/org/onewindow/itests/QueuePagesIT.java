package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hall floor's pages in headless Chromium against the real appliance: a clerk signs in at a window on the console
 * and calls a number, and the hall screen (/display/, a second browser, no login) shows it at once; the kiosk gives a
 * number and prints it on an 80 mm ticket, and the number's own page (the text's link) shows its place; a clerk takes
 * in a case for the number called, the citizen filled in from the ticket; the supervision board shows a group's wait
 * alert; the hall manager changes a window's groups and reads the report with its charts. Screenshots under
 * target/screenshots.
 */
public class QueuePagesIT extends PageTest {
    private static final int PORT = Ports.of(9591);
    private static final String BASE = "http://localhost:" + PORT;

    @BeforeClass
    public static void start() throws Exception {
        // any number waiting is a yellow wait on the board, so that the test need not wait 20 minutes for one
        open("queue-pages", PORT, Ports.of(9592), Cases.ZHANG_SAN, a -> {
            java.nio.file.Path cfg = a.home.resolve("etc/org.onewindow.queue.cfg");
            java.nio.file.Files.writeString(cfg, java.nio.file.Files.readString(cfg).replace("yellowWaitMinutes = 20", "yellowWaitMinutes = 0")
                    .replace("redWaitMinutes = 40", "redWaitMinutes = 600"));
        });
    }

    @Test
    public void aClerkCallsANumberAndTheHallScreenShowsItAtOnce() throws Exception {
        WebDriver screen = Browsers.chromium();
        try {
            WebDriverWait screenWait = new WebDriverWait(screen, java.time.Duration.ofSeconds(20));
            screen.get(BASE + "/display/");
            screenWait.until(ExpectedConditions.presenceOfElementLocated(By.id("windows")));

            browser.get(BASE + "/console/");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("clerk");
            browser.findElement(By.id("password")).sendKeys("clerk-demo", Keys.ENTER);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=queue]"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-window='3'] button.sign-in"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("window-title"), "3 号窗口"));
            // a citizen without the kiosk: the desk gives the number
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("desk-group"))).selectByValue("GENERAL");
            browser.findElement(By.id("desk-take-go")).click();
            String given = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-ticket"))).getText();
            wait.until(d -> !d.findElement(By.id("desk-ticket")).getText().isBlank());
            given = browser.findElement(By.id("desk-ticket")).getText();
            String number = given.replaceAll("(?s).*?(A\\d{3}).*", "$1");
            assertTrue(given, number.matches("A\\d{3}"));
            // the screen has settled on its long poll by now; the call must reach it without its next poll
            Thread.sleep(1500);
            long clicked = System.nanoTime();
            browser.findElement(By.id("call")).click();
            long shown;
            for (;;) {
                if (number.equals(text(screen, "now-number")) && text(screen, "now-window").contains("3")) {
                    shown = System.nanoTime();
                    break;
                }
                assertTrue("the hall screen shows the call within 2 s (its long poll waits 25 s)", System.nanoTime() - clicked < 2_000_000_000L);
                Thread.sleep(20);
            }
            System.out.printf("call to hall screen: %d ms%n", (shown - clicked) / 1_000_000);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-number"), number));
            assertTrue(screen.findElement(By.cssSelector("#windows tr[data-window='3']")).getText().contains(number));
            assertFalse("no clerk's name on the hall screen", screen.findElement(By.tagName("body")).getText().contains("clerk"));
            Browsers.screenshot(screen, "hall-screen");
            Browsers.screenshot(browser, "clerk-queue");
            browser.findElement(By.id("finish")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-number"), "当前没有叫到的号"));
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-window='3'] button.sign-in")));
        } finally {
            screen.quit();
        }
    }

    @Test
    public void aClerkTakesInACaseForTheNumberCalledWithTheCitizenFilledIn() throws Exception {
        // a group and window of their own: the other tests leave numbers waiting in the demo's groups
        assertEquals(200, http.putJson("/queue/groups/INTAKE", "admin",
                "{\"code\":\"INTAKE\",\"prefix\":\"K\",\"name\":\"按号收件\",\"priority\":false,\"departments\":[],\"items\":[]}").status);
        assertEquals(200, http.putJson("/queue/windows/9", "admin", "{\"groups\":[\"INTAKE\"]}").status);
        String code = Cases.item(http, "RS", 1).path("code").asText();
        String id = Citizens.idNumber("19850505", 45);
        String number = http.exchange("POST", "/public/queue/tickets", Map.of(), "{\"group\":\"INTAKE\",\"itemCode\":\"" + code
                + "\",\"idNumber\":\"" + id + "\",\"mobile\":\"13800138045\"}").json().path("number").asText();

        browser.get(BASE + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys("clerk-demo", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=queue]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-window='9'] button.sign-in"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("call"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-number"), number));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-case-from-ticket"))).click();

        // the window's intake page, for the item the citizen chose at the kiosk, with what they gave there
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-banner"), number));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start-intake"))).click();
        var idBox = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id-number")));
        assertEquals(id, idBox.getAttribute("value"));
        assertEquals("13800138045", browser.findElement(By.id("applicant-phone")).getAttribute("value"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("id-state"), "有效"));
        browser.findElement(By.id("applicant-name")).sendKeys("钱七");
        Browsers.screenshot(browser, "intake-from-ticket");
        browser.findElement(By.id("open-case")).click();
        wait.until(ExpectedConditions.urlContains("#/clerk/case/"));
        String caseNo = java.net.URLDecoder.decode(browser.getCurrentUrl().replaceAll(".*#/clerk/case/", ""), "UTF-8");

        // the number is served for that case: the queue page says so, and the list the supervisor sees too
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=queue]"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-ticket"), caseNo));
        assertTrue("the open-case button is gone once the number has its case", browser.findElements(By.id("open-case-from-ticket")).isEmpty());
        boolean listed = false;
        for (var t : http.get("/queue/tickets?group=INTAKE", "supervisor").json()) {
            listed |= number.equals(t.path("number").asText()) && caseNo.equals(t.path("caseNo").asText());
        }
        assertTrue(caseNo, listed);
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-window='9'] button.sign-in")));
    }

    @Test
    public void theKioskGivesANumberOnAnEightyMillimetreTicket() throws Exception {
        browser.get(BASE + "/kiosk/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ticket"))).click();
        assertTrue("the priority lane is given at the desk", browser.findElements(By.cssSelector("button.group[data-group=PRIORITY]")).isEmpty());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.group[data-group=SOCIAL]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("take-ticket"))).click();
        String number = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-number"))).getText();
        assertTrue(number, number.matches("C\\d{3}"));
        assertEquals("WAITING", http.exchange("GET", "/public/queue/tickets/" + number, Map.of(), null).json().path("status").asText());
        Browsers.screenshot(browser, "kiosk-ticket");
        // as the ticket printer prints it: the slip within the 72 mm a roll of 80 mm prints on, the buttons left out
        HasCdp cdp = (HasCdp) browser;
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            long width = ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.getElementById('ticket-slip').getBoundingClientRect().width")).longValue();
            assertTrue("72 mm are 272 CSS pixels: " + width, width > 0 && width <= 273);
            assertFalse(browser.findElement(By.id("print-ticket")).isDisplayed());
            assertTrue(browser.findElement(By.id("ticket-number")).isDisplayed());
        } finally {
            cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }

        // 我的排号, the page the text message links to: the number's place, no login; a link of another day has expired
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        browser.get(BASE + "/display/ticket.html#" + number + "/" + today);
        var state = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-state")));
        assertEquals("WAITING", state.getAttribute("data-status"));
        assertTrue(state.getText(), state.getText().contains("前面还有") || state.getText().contains("下一位就是您"));
        assertEquals(number, browser.findElement(By.id("ticket-number")).getText());
        Browsers.screenshot(browser, "ticket-page");
        browser.get(BASE + "/display/ticket.html#" + number + "/2020-01-01");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-error"), "已过期"));
    }

    @Test
    public void theSupervisionBoardShowsAGroupsWaitAlert() throws Exception {
        String number = http.exchange("POST", "/public/queue/tickets", Map.of(), "{\"group\":\"PROPERTY\"}").json().path("number").asText();
        assertTrue(number, number.startsWith("B"));
        browser.get(BASE + "/console/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("supervisor");
        browser.findElement(By.id("password")).sendKeys("supervisor-demo", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=board]"))).click();
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#queue-figures tr[data-group=PROPERTY]")));
        assertEquals("YELLOW", row.getAttribute("data-alert"));
        assertTrue(row.getText(), row.getText().contains("黄色预警"));
        assertEquals("a group nobody waits in has no alert", "NONE",
                browser.findElement(By.cssSelector("#queue-figures tr[data-group=BUSINESS]")).getAttribute("data-alert"));
        Browsers.screenshot(browser, "board-queue");

        // 排队管理: the hall manager gives window 4 a second group, and reads the day's report with its charts
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#bar nav a[data-page=hall]"))).click();
        var social = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#hall-windows tr[data-window='4'] input[value=SOCIAL]")));
        assertFalse(social.isSelected());
        social.click();
        browser.findElement(By.cssSelector("#hall-windows tr[data-window='4'] button.save-window")).click();
        wait.until(d -> http.get("/queue/windows", "supervisor").json().get(3).path("groups").toString().contains("SOCIAL"));
        assertTrue("only an administrator sets the groups", browser.findElements(By.id("group-form")).isEmpty());
        var today = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report-days tr[data-day]")));
        assertTrue(today.getText(), Integer.parseInt(today.findElement(By.cssSelector("td.taken")).getText()) >= 1);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#days-chart canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hours-chart canvas")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-peaks"), ":00"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('report-period').scrollIntoView()");
        Browsers.screenshot(browser, "hall-report");
        assertEquals(200, http.putJson("/queue/windows/4", "supervisor", "{\"groups\":[\"PROPERTY\"]}").status);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
    }

    private static String text(WebDriver d, String id) {
        try {
            return d.findElement(By.id(id)).getText();
        } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
            return "";
        }
    }
}
