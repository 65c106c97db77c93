package org.onewindow.itests;

import org.junit.AfterClass;
import org.junit.Before;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A class of browser tests: its appliance and headless Chromium ({@link PageSession}), opened once in the
 * class's {@code @BeforeClass} with {@link #open}, closed after its last test, and each test starting with
 * no session left by the one before.
 */
abstract class PageTest {
    static PageSession pages;
    static UnpackedAppliance appliance;
    static Http http;
    static WebDriver browser;
    static WebDriverWait wait;
    private static String base;

    static void open(String name, int port, int sshPort, String holder) throws Exception {
        open(name, port, sshPort, holder, a -> {
        });
    }

    static void open(String name, int port, int sshPort, String holder, PageSession.BeforeStart before) throws Exception {
        pages = PageSession.start(name, port, sshPort, holder, before);
        appliance = pages.appliance;
        http = appliance.http;
        browser = pages.browser;
        wait = pages.wait;
        base = "http://localhost:" + port;
    }

    @AfterClass
    public static void closePages() {
        if (pages != null) {
            pages.close();
            pages = null;
        }
    }

    /** At the console's login, with no cookie of the test before. */
    @Before
    public void loggedOut() {
        browser.get(base + "/console/");
        browser.manage().deleteAllCookies();
    }
}
