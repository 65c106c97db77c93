import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's first load in headless Chromium on loopback, each run in a fresh browser (empty cache):
 * bytes transferred until the login form is usable, and the time to it. Prints figures; asserts nothing.
 * Usage: java -cp <selenium> ConsoleLoad.java http://localhost:9681 [runs]
 */
public class ConsoleLoad {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Double> interactive = new ArrayList<>();
        long bytes = 0;
        int files = 0;
        for (int i = 0; i < runs; i++) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage");
            ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
            try {
                browser.get(base + "/console/");
                new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                        .until(ExpectedConditions.elementToBeClickable(By.id("username")));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                        "const nav = performance.getEntriesByType('navigation')[0];"
                        + "const res = performance.getEntriesByType('resource');"
                        + "return {now: performance.now(), bytes: nav.transferSize + res.reduce((s, r) => s + r.transferSize, 0),"
                        + " files: 1 + res.length, dom: nav.domInteractive};");
                interactive.add(((Number) m.get("now")).doubleValue());
                bytes = ((Number) m.get("bytes")).longValue();
                files = ((Number) m.get("files")).intValue();
            } finally {
                browser.quit();
            }
        }
        interactive.sort(null);
        System.out.printf("console first load (empty cache, loopback): %d requests, %.1f KiB transferred (headers included)%n",
                files, bytes / 1024.0);
        System.out.printf("login form usable after: median %.0f ms, best %.0f ms, worst %.0f ms over %d fresh browsers%n",
                interactive.get(runs / 2), interactive.get(0), interactive.get(runs - 1), runs);
    }
}
