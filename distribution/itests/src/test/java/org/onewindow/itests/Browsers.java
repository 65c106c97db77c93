package org.onewindow.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium through its driver (nothing is downloaded), and screenshots under target/screenshots (see the README to refresh docs/screenshots). */
final class Browsers {

    private Browsers() {
    }

    /** A browser whose own language is Chinese, as a hall's PCs have it. */
    static WebDriver chromium() {
        return chromium("zh-CN");
    }

    /**
     * A browser whose own language (its default locale for dates, its file input's label, the
     * Accept-Language it sends) is {@code lang}, e.g. {@code en-US}: the pages must speak their own
     * language whatever the browser's is.
     */
    static WebDriver chromium(String lang) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=" + lang);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", lang));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Opens a console page at {@code url} and signs in on its login form (a user without a second factor). */
    static void signIn(WebDriver browser, WebDriverWait wait, String url, String user, String password) {
        browser.get(url);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Path dir = Paths.get(System.getProperty("onewindow.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String executable(String what, String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Paths.get(c))) {
                return c;
            }
        }
        throw new AssertionError(what + " is not installed (Debian: apt-get install chromium chromium-driver; .ci/run does it)");
    }
}
