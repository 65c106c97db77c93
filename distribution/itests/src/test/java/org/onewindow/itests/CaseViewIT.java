package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The case as the console shows it (issue 19, defects 4-6), in headless Chromium against the real appliance: an
 * instant item (即办件) says at intake, at acceptance and on the case that it is finished at the window; the reviewer
 * reads the scans full size (images and PDFs in page order, zoom, rotate, keyboard) and sees the applicant masked;
 * decisions ask for confirmation; a case offers only the moves that apply to its status.
 */
public class CaseViewIT extends PageTest {
    private static final int PORT = Ports.of(9561);
    private static final String BASE = "http://localhost:" + PORT;
    /** Applicant and agent of this test only (valid check digits). */
    private static final String APPLICANT = "330102198506150075";
    private static final String AGENT = "330106199001014561";

    @BeforeClass
    public static void start() throws Exception {
        open("caseview", PORT, Ports.of(9511), APPLICANT);
    }

    @Test
    public void anInstantItemSaysAtIntakeAndOnTheCaseThatItIsFinishedAtTheWindow() throws Exception {
        JsonNode item = instantItem();
        login("clerk");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("item-search"))).sendKeys(item.path("code").asText(), Keys.ENTER);
        click(By.cssSelector("tr.pick[data-code='" + item.path("code").asText() + "']"));
        click(By.id("start-intake"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("instant-note"), "受理后在窗口直接办结"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("id-number"))).sendKeys(APPLICANT);
        browser.findElement(By.id("applicant-name")).sendKeys("钱七");
        for (String code : required(item)) {
            WebElement box = browser.findElement(By.cssSelector("#materials input[value='" + code + "']"));
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.findElement(By.id("applicant-name")).sendKeys(Keys.F2);
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "DRAFT"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("instant-case"), "受理后在窗口直接办结"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.F9);
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "ACCEPTED"));
        // the acceptance's result: finished here, not sent to a department; the one move left is to finish it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("instant-accepted"), "受理后在窗口直接办结"));
        assertTrue(browser.findElement(By.id("instant-case")).getText().contains("受理后在窗口直接办结"));
        assertEquals("ready", browser.findElement(By.cssSelector("#case .actions button")).getAttribute("id"));
        screenshot("clerk-instant-accepted");
    }

    @Test
    public void theReviewerReadsTheScansFullSizeSeesTheApplicantMaskedAndConfirmsTheDecision() throws Exception {
        JsonNode item = http.get("/catalog/items/GA-HJ-001", "clerk").json();
        String no = opened(item, AGENT, true);
        Http.Answer uploaded = http.upload("/cases/" + no + "/materials", "clerk", new String[] {"户口簿第1页.png", "户口簿第2页.pdf"},
                new byte[][] {Cases.noise("png", 300, 19), Cases.pdf("户口簿第2页")});
        assertEquals(uploaded.toString(), 201, uploaded.status);
        assertEquals(200, http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED")).status);
        Cases.awaitStatus(http, no, "IN_REVIEW");

        login("reviewer");
        browser.get(BASE + "/console/#/review/case/" + no);
        WebElement applicant = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applicant")));
        String shown = applicant.getText();
        assertTrue(shown, shown.contains("钱七") && shown.contains("330102********0075"));
        assertTrue(shown, shown.contains("周九") && shown.contains("330106********4561"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertFalse("no whole ID number on the page", page.contains(APPLICANT) || page.contains(AGENT));

        // the image, full size
        click(By.cssSelector("#review-case .scans .scan-open[data-seq='1']"));
        WebElement viewer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer")));
        WebElement stage = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#viewer-stage[data-rendered='1']")));
        assertEquals("image", stage.getAttribute("data-kind"));
        WebElement canvas = browser.findElement(By.cssSelector("#viewer-stage canvas"));
        int width = canvas.getSize().getWidth();
        int height = canvas.getSize().getHeight();
        assertTrue("larger than the 180-pixel thumbnail: " + width, width > 300 && height > 300);
        assertTrue(browser.findElement(By.id("viewer-position")).getText().contains("1 / 2"));
        screenshot("reviewer-viewer-image");
        click(By.id("viewer-zoom-in"));
        wait.until(d -> d.findElement(By.cssSelector("#viewer-stage canvas")).getSize().getWidth() > width);
        click(By.id("viewer-rotate"));
        wait.until(ExpectedConditions.attributeToBe(By.id("viewer-stage"), "data-rotation", "90"));

        // the PDF, next in page order, drawn by pdf.js under the console's content security policy
        click(By.id("viewer-next"));
        stage = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#viewer-stage[data-kind='pdf'][data-rendered='1']")));
        assertTrue(browser.findElement(By.id("viewer-position")).getText().contains("2 / 2"));
        canvas = browser.findElement(By.cssSelector("#viewer-stage canvas"));
        assertTrue("an A4 page drawn: " + canvas.getSize(), canvas.getSize().getHeight() > canvas.getSize().getWidth()
                && canvas.getSize().getHeight() > 300);
        screenshot("reviewer-viewer-pdf");
        click(By.id("viewer-rotate"));
        wait.until(ExpectedConditions.attributeToBe(By.id("viewer-stage"), "data-rotation", "90"));
        wait.until(d -> {
            WebElement c = d.findElement(By.cssSelector("#viewer-stage[data-rendered='1'] canvas"));
            return c.getSize().getWidth() > c.getSize().getHeight();
        });
        // the keyboard: back to the image, then Esc closes
        new Actions(browser).sendKeys(Keys.ARROW_LEFT).perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#viewer-stage[data-kind='image'][data-rendered='1']")));
        new Actions(browser).sendKeys(Keys.ARROW_RIGHT).perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#viewer-stage[data-kind='pdf'][data-rendered='1']")));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOf(viewer));
        assertEquals("the PDF's thumbnail opens it too", 1,
                browser.findElements(By.cssSelector("#review-case .scans .scan-open[data-seq='2']")).size());

        // 准予 asks first: Esc cancels and nothing is decided, Enter confirms
        click(By.id("approve"));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        assertTrue(dialog.getText(), dialog.getText().contains("准予"));
        screenshot("reviewer-confirm");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
        Thread.sleep(500);
        assertEquals("IN_REVIEW", http.get("/cases/" + no, "supervisor").json().path("status").asText());
        assertEquals("IN_REVIEW", browser.findElement(By.id("case-status")).getAttribute("data-status"));
        click(By.id("approve"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "APPROVED"));
        assertEquals("APPROVED", http.get("/cases/" + no, "supervisor").json().path("status").asText());
    }

    @Test
    public void theReviewerConfirmsBeforeFinishingACaseAndNotifyingThePickUp() throws Exception {
        JsonNode item = http.get("/catalog/items/GA-HJ-001", "clerk").json();
        String no = opened(item, null, true);
        assertEquals(200, http.postJson("/cases/" + no + "/transitions", "clerk", Cases.to("ACCEPTED")).status);
        Cases.awaitStatus(http, no, "IN_REVIEW");
        Http.Answer approved = http.postJson("/cases/" + no + "/decision", "reviewer",
                "{\"outcome\":\"APPROVED\",\"resultDocument\":\"" + item.path("name").asText() + "\"}");
        assertEquals(approved.toString(), 200, approved.status);

        login("reviewer");
        browser.get(BASE + "/console/#/review/case/" + no);
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "APPROVED"));
        // 办结，通知取件 tells the applicant to come: it asks first, as every other decision; Esc leaves the case as it was
        click(By.id("hand-out"));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        assertTrue(dialog.getText(), dialog.getText().contains(no) && dialog.getText().contains("通知申请人"));
        screenshot("reviewer-confirm-hand-out");
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
        Thread.sleep(500);
        assertEquals("APPROVED", http.get("/cases/" + no, "supervisor").json().path("status").asText());
        click(By.id("hand-out"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", "READY_FOR_PICKUP"));
        assertEquals("READY_FOR_PICKUP", http.get("/cases/" + no, "supervisor").json().path("status").asText());
    }

    @Test
    public void aCaseOffersOnlyTheMovesThatApplyToItsStatus() throws Exception {
        JsonNode item = http.get("/catalog/items/GA-HJ-001", "clerk").json();
        String draft = opened(item, null, false);
        String ready = Cases.readyInstant(http, APPLICANT, "钱七", null, null, null);
        String delivered = Cases.readyInstant(http, APPLICANT, "钱七", null, null, null);
        String code = http.get("/cases/" + delivered, "clerk").json().path("pickupCode").asText();
        assertEquals(200, http.postJson("/cases/" + delivered + "/transitions", "clerk",
                "{\"to\":\"DELIVERED\",\"pickupCode\":\"" + code + "\"}").status);
        JsonNode instant = instantItem();
        String accepted = opened(instant, null, true);
        assertEquals(200, http.postJson("/cases/" + accepted + "/transitions", "clerk", Cases.to("ACCEPTED")).status);
        login("clerk");

        // being taken in, materials missing: materials, scans, the one-time notice and acceptance
        open(draft, "DRAFT");
        for (String id : List.of("receive", "upload", "scan-files", "notice", "accept")) {
            assertEquals(draft + " offers " + id, 1, browser.findElements(By.id(id)).size());
        }
        // accepted with every material: the move that applies, the receipt; nothing more to take in
        open(accepted, "ACCEPTED");
        assertEquals("the primary action", "ready", browser.findElement(By.cssSelector("#case .actions button")).getAttribute("id"));
        absent(accepted, "receive", "upload", "scan-files", "notice", "accept", "deliver");
        assertEquals(1, browser.findElements(By.id("receipt")).size());
        screenshot("clerk-accepted-actions");
        open(ready, "READY_FOR_PICKUP");
        assertEquals("the primary action", "deliver", browser.findElement(By.cssSelector("#case .actions button")).getAttribute("id"));
        absent(ready, "receive", "upload", "scan-files", "notice", "accept", "ready");
        // delivered: nothing left to do but reprint the receipt
        open(delivered, "DELIVERED");
        absent(delivered, "receive", "upload", "scan-files", "notice", "accept", "ready", "deliver", "post", "pickup-code");
        assertEquals(1, browser.findElements(By.id("receipt")).size());
        assertTrue(browser.findElements(By.cssSelector("#case input[type=checkbox]")).isEmpty());
        screenshot("clerk-delivered-actions");
    }

    /** A case of {@code item} for the applicant (and the agent, unless null), with every required material or none, not yet accepted. */
    private static String opened(JsonNode item, String agent, boolean complete) {
        String materials = complete ? String.join(",", required(item).stream().map(c -> "\"" + c + "\"").toList()) : "";
        Http.Answer opened = http.postJson("/cases", "clerk", "{\"itemCode\":\"" + item.path("code").asText() + "\","
                + "\"applicant\":{\"idNumber\":\"" + APPLICANT + "\",\"name\":\"钱七\"},"
                + (agent == null ? "" : "\"agent\":{\"idNumber\":\"" + agent + "\",\"name\":\"周九\"},")
                + "\"materials\":[" + materials + "]}");
        assertEquals(opened.toString(), 201, opened.status);
        return opened.json().path("caseNo").asText();
    }

    private static List<String> required(JsonNode item) {
        List<String> out = new ArrayList<>();
        item.path("materials").forEach(m -> {
            if (m.path("required").asBoolean()) {
                out.add(m.path("code").asText());
            }
        });
        return out;
    }

    /** The demo catalog's first instant item (即办件, time limit 0). */
    private static JsonNode instantItem() {
        for (JsonNode i : http.get("/catalog/items?size=500", "clerk").json().path("items")) {
            if (i.path("timeLimitDays").asInt() == 0) {
                return http.get("/catalog/items/" + i.path("code").asText(), "clerk").json();
            }
        }
        throw new AssertionError("the demo catalog has no instant item");
    }

    private static void open(String caseNo, String status) {
        browser.get(BASE + "/console/#/clerk/case/" + caseNo);
        wait.until(ExpectedConditions.textToBe(By.id("case-no"), "办件 " + caseNo));
        wait.until(ExpectedConditions.attributeToBe(By.id("case-status"), "data-status", status));
    }

    private static void absent(String caseNo, String... ids) {
        for (String id : ids) {
            assertTrue(caseNo + " still offers " + id, browser.findElements(By.id(id)).isEmpty());
        }
    }

    private static void login(String user) {
        browser.get(BASE + "/console/");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-demo", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    private static void click(By what) {
        wait.until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    private static void screenshot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
