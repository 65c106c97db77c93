package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.replication.SignatureAlgorithm;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SigningKey;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A district's own key pair, with a real hub and a real district: the private key stays on the district's
 * appliance (a file only its user reads), the approval names its fingerprint, and when the district's appliance
 * is reinstalled, its new key is only taken when a security administrator at the hub names it; the old key is
 * then refused. One boot of the two per class.
 */
public class DistrictKeysIT {
    private static final String C = "441302";
    /** A security administrator (安全管理员) of the hub: district keys are theirs, not the system administrator's. */
    private static final String SECURITY = "keyadmin:keyadmin-secret";
    private static UnpackedAppliance hub;
    private static UnpackedAppliance c;

    @BeforeClass
    public static void federate() throws Exception {
        hub = UnpackedAppliance.unpack("keys-hub", Ports.of(9481), Ports.of(9401));
        hub.replace("etc/org.onewindow.node.cfg", "role = district", "role = hub");
        hub.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = 441300");
        Files.writeString(hub.home.resolve("etc/users.properties"), "\nkeyadmin = keyadmin-secret,security\n", StandardOpenOption.APPEND);
        // this city hands out one-time enrolment codes: a first registration must carry its district's
        hub.replace("etc/org.onewindow.hub.cfg", "requireEnrolmentCode = false", "requireEnrolmentCode = true");
        c = district();
        hub.launch();
        c.launch();
        hub.http.awaitReady(Http.BOOT);
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        hub.http.awaitOk("/hub/districts", SECURITY, Duration.ofSeconds(60));
        c.http.awaitWindow(Http.BOOT);
        c.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));
        Http.Answer withoutCode = c.http.postJson("/replication/registration", "admin", "{\"hubUrl\":\"" + Ports.local(9481) + "\"}");
        assertEquals(withoutCode.toString(), "ENROLMENT_CODE_INVALID", withoutCode.code());
        assertEquals(403, hub.http.postJson("/hub/districts/" + C + "/enrolment-code", "supervisor", "").status);
        Http.Answer issued = hub.http.postJson("/hub/districts/" + C + "/enrolment-code", "admin", "");
        assertEquals(issued.toString(), 200, issued.status);
        register(c, issued.json().path("code").asText());
        String fingerprint = c.http.get("/replication", "admin").json().path("fingerprint").asText();
        assertEquals(200, Federation.approve(hub.http, C, fingerprint).status);
        for (int i = 0; i < 3; i++) {
            Federation.openCase(c);
        }
        Federation.awaitSameCases(hub.http, c, C);
    }

    @AfterClass
    public static void stop() {
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, c}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    public void aFirstRegistrationNeedsTheOneTimeEnrolmentCodeTheCityIssuedForItsDistrict() throws Exception {
        SigningKey key = Federation.newKey("441305");
        assertEquals("ENROLMENT_CODE_INVALID", Federation.register(hub.http, key, "博罗县").code());
        String shell = hub.client("onewindow:district-enrolment-code 441305");
        assertTrue(shell, shell.contains("Enrolment code for 441305: "));
        String code = shell.substring(shell.indexOf("441305: ") + 8).substring(0, 19);
        assertEquals("another district's code", "ENROLMENT_CODE_INVALID",
                Federation.register(hub.http, Federation.newKey("441306"), "龙门县", code).code());
        Http.Answer registered = Federation.register(hub.http, key, "博罗县", code.toLowerCase());
        assertEquals(registered.toString(), 200, registered.status);
        assertEquals("PENDING", registered.json().path("state").asText());
        SigningKey second = Federation.newKey("441305");
        assertEquals("used up, and the code is taken anyway", "DISTRICT_EXISTS", Federation.register(hub.http, second, "博罗县", code).code());
        assertEquals(200, hub.http.postJson("/hub/districts/441305/revocation", "admin", "").status);
        assertEquals("used up", "ENROLMENT_CODE_INVALID", Federation.register(hub.http, second, "博罗县", code).code());
    }

    @Test
    public void theCityAdministratorConfirmsBeforeSuspendingOrRevokingADistrict() throws Exception {
        String d = "441307";
        SigningKey key = Federation.newKey(d);
        String shell = hub.client("onewindow:district-enrolment-code " + d);
        String code = shell.substring(shell.indexOf(d + ": ") + 8).substring(0, 19);
        assertEquals(200, Federation.register(hub.http, key, "博罗县", code).status);
        assertEquals(200, Federation.approve(hub.http, d, key.fingerprint()).status);
        WebDriver browser = Browsers.chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            Browsers.signIn(browser, wait, Ports.local(9481) + "/console/", "admin", "admin-demo");
            browser.get(Ports.local(9481) + "/console/#/city");
            // 暂停 stops a whole district's cases reaching the city, 吊销 for good: each asks first, naming the district
            By suspend = By.cssSelector("#districts button.suspension[data-district='" + d + "']");
            wait.until(ExpectedConditions.elementToBeClickable(suspend)).click();
            WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
            assertTrue(dialog.getText(), dialog.getText().contains(d) && dialog.getText().contains("暂停"));
            Browsers.screenshot(browser, "city-confirm-suspension");
            new Actions(browser).sendKeys(Keys.ESCAPE).perform();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
            Thread.sleep(500);
            assertEquals("APPROVED", Federation.district(hub.http, d).path("state").asText());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#districts button.revocation[data-district='" + d + "']"))).click();
            dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
            assertTrue(dialog.getText(), dialog.getText().contains(d) && dialog.getText().contains("吊销"));
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            wait.until(x -> "REVOKED".equals(Federation.district(hub.http, d).path("state").asText()));
        } finally {
            browser.quit();
        }
    }

    @Test
    public void thePrivateKeyStaysOnTheDistrictInAFileOnlyItsUserReads() throws Exception {
        Path folder = c.home.resolve("data/onewindow/federation");
        Path file = folder.resolve("district-key.pem");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        SigningKey own = read(file, C);
        JsonNode atHub = Federation.district(hub.http, C);
        assertEquals(own.fingerprint(), atHub.path("fingerprint").asText());
        assertEquals("Ed25519", atHub.path("keyAlgorithm").asText());
        String board = hub.http.get("/hub/districts", "supervisor").body;
        assertTrue("the hub holds no secret of the district", !board.contains(Base64.getEncoder().encodeToString(own.privateKey().getEncoded())));
    }

    @Test
    public void aReinstalledDistrictsNewKeyIsTakenOnlyWhenTheSecurityAdministratorNamesItAndTheOldKeyIsThenRefused() throws Exception {
        SigningKey old = read(c.home.resolve("data/onewindow/federation/district-key.pem"), C);
        long ackedBefore = Federation.district(hub.http, C).path("ackedSeq").asLong();
        assertTrue(ackedBefore > 0);

        // the appliance is reinstalled: a new installation, a new key pair at its registration
        c.kill();
        c = district();
        c.launch();
        c.http.awaitWindow(Http.BOOT);
        c.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));
        JsonNode link = register(c);
        String fresh = link.path("fingerprint").asText();
        assertTrue("a new key: " + link, !fresh.isEmpty() && !fresh.equals(old.fingerprint()));
        assertEquals(link.toString(), "PENDING", link.path("state").asText());
        assertTrue("district IT is told the code is taken: " + link, link.path("lastError").asText().contains("DISTRICT_EXISTS"));
        JsonNode atHub = Federation.district(hub.http, C);
        assertEquals("the old key stays until someone decides", old.fingerprint(), atHub.path("fingerprint").asText());
        assertEquals(fresh, atHub.path("candidates").get(0).path("fingerprint").asText());
        assertTrue("the reinstalled district waits", c.http.get("/replication", "admin").json().path("lastError").asText().contains("DISTRICT_EXISTS")
                || c.http.get("/replication", "admin").json().path("lastError").asText().contains("KEY_NOT_REGISTERED"));

        // not the system administrator's, nor the supervisor's; the security administrator names the fingerprint
        Map<String, String> body = Map.of("fingerprint", fresh);
        String json = Http.JSON.writeValueAsString(body);
        assertEquals(403, hub.http.postJson("/hub/districts/" + C + "/key-replacement", "admin", json).status);
        assertEquals(403, hub.http.postJson("/hub/districts/" + C + "/key-replacement", "supervisor", json).status);
        Http.Answer unknown = hub.http.postJson("/hub/districts/" + C + "/key-replacement", SECURITY, "{\"fingerprint\":\""
                + Federation.newKey(C).fingerprint() + "\"}");
        assertEquals(unknown.toString(), "CANDIDATE_NOT_FOUND", unknown.code());
        // on the city board: the security administrator sees the keys and the candidate, types the fingerprint, replaces
        replaceOnTheCityBoard(fresh);
        JsonNode replaced = Federation.district(hub.http, C);
        assertEquals(fresh, replaced.path("fingerprint").asText());
        assertEquals("APPROVED", replaced.path("state").asText());
        JsonNode logged = hub.http.get("/hub/events?district=" + C, "supervisor").json().get(0);
        assertEquals("KEY_REPLACED", logged.path("event").asText());
        assertTrue(logged.toString(), logged.path("detail").asText().contains("keyadmin") && logged.path("detail").asText().contains(fresh));

        // the reinstalled appliance finds itself approved and ships its journal from the start
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                !"APPROVED".equals(c.http.get("/replication", "admin").json().path("state").asText()) && System.nanoTime() < end;) {
            Thread.sleep(250);
        }
        assertEquals("APPROVED", c.http.get("/replication", "admin").json().path("state").asText());
        String after = Federation.openCase(c);
        boolean arrived = false;
        for (long end = System.nanoTime() + Duration.ofSeconds(60).toNanos(); !arrived && System.nanoTime() < end;) {
            arrived = Federation.hubCases(hub.http, C).containsKey(after);
            Thread.sleep(arrived ? 0 : 250);
        }
        assertTrue("the new appliance's case reached the hub", arrived);
        Federation.districtCases(c, C).forEach((no, status) -> assertEquals(no, status, Federation.hubCases(hub.http, C).get(no)));

        // the old appliance's key is refused now
        String batch = Federation.batch(C, 1, C + "-20261128-0999");
        Http.Answer withOldKey = Federation.ship(hub.http, old, batch);
        assertEquals(withOldKey.toString(), 401, withOldKey.status);
        assertEquals("BAD_SIGNATURE", withOldKey.code());
        assertTrue(!Federation.hubCases(hub.http, C).containsKey(C + "-20261128-0999"));
    }

    private static void replaceOnTheCityBoard(String fingerprint) throws Exception {
        WebDriver browser = Browsers.chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
            Browsers.signIn(browser, wait, Ports.local(9481) + "/console/", "keyadmin", "keyadmin-secret");
            // the security administrator starts on the city board, which shows keys and candidates, no figures
            By replace = By.cssSelector("#key-candidates tr[data-district='" + C + "'] button.key-replacement");
            wait.until(ExpectedConditions.elementToBeClickable(replace));
            assertTrue("no case figures for security", browser.findElements(By.id("city-cases")).isEmpty());
            assertTrue("no approval for security", browser.findElements(By.cssSelector("button.approval")).isEmpty());
            Browsers.screenshot(browser, "city-keys");
            browser.findElement(replace).click();
            By input = By.cssSelector("#key-candidates input.fingerprint-input[data-district='" + C + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(input)).sendKeys(fingerprint);
            browser.findElement(By.cssSelector("#key-candidates button.key-replacement-confirm")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#districts tr[data-district='" + C + "'] td.fingerprint"),
                    fingerprint));
        } finally {
            browser.quit();
        }
    }

    /** District C as a fresh installation. */
    private static UnpackedAppliance district() throws Exception {
        return UnpackedAppliance.unpack("keys-c", Ports.of(9482), Ports.of(9402));
    }

    /** Registers the district with the hub through its administration API; the link as it then is. */
    private static JsonNode register(UnpackedAppliance district) {
        return register(district, null);
    }

    private static JsonNode register(UnpackedAppliance district, String enrolmentCode) {
        String body = Http.JSON.createObjectNode().put("hubUrl", Ports.local(9481)).put("enrolmentCode", enrolmentCode).toString();
        Http.Answer registered = district.http.postJson("/replication/registration", "admin", body);
        assertEquals(registered.toString(), 200, registered.status);
        return registered.json();
    }

    /** The district's key pair as its appliance keeps it (PKCS#8, then X.509, in one PEM file). */
    private static SigningKey read(Path file, String district) throws Exception {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] privateKey = block(pem, "PRIVATE KEY");
        byte[] publicKey = block(pem, "PUBLIC KEY");
        SignatureAlgorithm scheme = SignatureAlgorithms.named(SignatureAlgorithms.ED25519);
        return new SigningKey(district, scheme, scheme.privateKey(privateKey), publicKey);
    }

    private static byte[] block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int from = pem.indexOf(begin) + begin.length();
        return Base64.getMimeDecoder().decode(pem.substring(from, pem.indexOf("-----END " + type + "-----")));
    }
}
