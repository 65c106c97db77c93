package org.onewindow.itests;

import java.time.Duration;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test's appliance and browser: the unpacked appliance as a process (the browser's driver
 * cannot run inside the OSGi container, where Pax Exam runs its tests) and headless Chromium on it.
 */
final class PageSession implements AutoCloseable {
    final UnpackedAppliance appliance;
    final WebDriver browser;
    final WebDriverWait wait;

    private PageSession(UnpackedAppliance appliance, WebDriver browser) {
        this.appliance = appliance;
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // pages redraw themselves after each change: an element found just before a redraw is found again
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Unpacks and starts an appliance, waits until the licence library answers (it publishes its API
     * once its tables are migrated, after the catalog), asking for {@code holder}'s licences, and opens
     * the browser.
     */
    static PageSession start(String name, int port, int sshPort, String holder) throws Exception {
        return start(name, port, sshPort, holder, a -> {
        });
    }

    /** The same, with {@code before} run on the unpacked appliance before it starts: its configuration, a system beside it. */
    static PageSession start(String name, int port, int sshPort, String holder, BeforeStart before) throws Exception {
        System.setProperty("java.awt.headless", "true");
        UnpackedAppliance appliance = UnpackedAppliance.unpack(name, port, sshPort);
        try {
            before.prepare(appliance);
            appliance.start();
            appliance.http.awaitOk("/licences?holder=" + holder + "&purpose=ready", "clerk", Duration.ofSeconds(60));
            return new PageSession(appliance, Browsers.chromium());
        } catch (Exception | AssertionError e) {
            appliance.kill();
            throw e;
        }
    }

    /** What a test does to the appliance before it starts. */
    interface BeforeStart {
        void prepare(UnpackedAppliance appliance) throws Exception;
    }

    @Override
    public void close() {
        browser.quit();
        appliance.kill();
    }
}
