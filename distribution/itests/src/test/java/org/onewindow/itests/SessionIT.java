package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's login on the real appliance: a session cookie that is HttpOnly and SameSite, a
 * CSRF token for every change, logout, and the lock-out after repeated failures, which keeps to the
 * pair of account and client and says nothing an attacker could use.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SessionIT extends OneWindowTestSupport {
    private static final Map<String, String> CONSOLE = Map.of("X-Requested-With", "XMLHttpRequest");

    @Configuration
    public Option[] config() {
        return appliance(
                // users of their own: the lock-out test locks them
                user("wang", "wang-demo", "clerk"),
                user("zhao", "zhao-demo", "clerk"),
                // a client that failed 10 times waits; the tests' own failures come from addresses of their own
                // (127.0.0.1 fails while the demo users are being made)
                editConfigurationFilePut("etc/org.onewindow.access.cfg", "clientFreeFailures", "10"));
    }

    @Before
    public void apiUp() throws InterruptedException {
        awaitApi();
    }

    @Test
    public void aSessionCookieLogsInAndChangesNeedTheCsrfToken() {
        Http.Answer login = http.exchange("POST", "/session", CONSOLE, "{\"username\":\"clerk\",\"password\":\"clerk-demo\"}");
        assertEquals(login.toString(), 200, login.status);
        String setCookie = login.headers.firstValue("Set-Cookie").orElse("");
        assertTrue(setCookie, setCookie.startsWith("OW_SESSION=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        JsonNode session = login.json();
        assertEquals("clerk", session.path("user").asText());
        assertTrue(session.path("roles").toString().contains("clerk"));
        String csrf = session.path("csrfToken").asText();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertEquals(200, http.exchange("GET", "/cases?size=1", Map.of("Cookie", cookie), null).status);
        assertEquals(csrf, http.exchange("GET", "/session", Map.of("Cookie", cookie), null).json().path("csrfToken").asText());
        String newCase = Cases.open("GA-ZA-002", Cases.ZHANG_SAN, "M01");
        Http.Answer forged = http.exchange("POST", "/cases", Map.of("Cookie", cookie), newCase);
        assertEquals(forged.toString(), 403, forged.status);
        assertEquals("CSRF_REJECTED", forged.code());
        Http.Answer opened = http.exchange("POST", "/cases", Map.of("Cookie", cookie, "X-CSRF-Token", csrf), newCase);
        assertEquals(opened.toString(), 201, opened.status);
        assertEquals("roles are checked for sessions too", 403,
                http.exchange("POST", "/catalog/licence-types", Map.of("Cookie", cookie, "X-CSRF-Token", csrf), "[]").status);

        assertEquals(204, http.exchange("DELETE", "/session", Map.of("Cookie", cookie), null).status);
        Http.Answer after = http.exchange("GET", "/cases?size=1", Map.of("Cookie", cookie, "X-Requested-With", "XMLHttpRequest"), null);
        assertEquals(401, after.status);
        assertFalse("no Basic challenge for the console: the browser must not pop up its own login box",
                after.headers.firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    public void everyAnswerCarriesTheSecurityHeaders() {
        Http.Answer answer = http.get("/cases?size=1", "clerk");
        assertEquals("nosniff", answer.headers.firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", answer.headers.firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", answer.headers.firstValue("Cache-Control").orElse(""));
        assertEquals("Basic challenge for API clients", 401, http.get("/cases", null).status);
        assertTrue(http.get("/cases", null).challenge != null);
    }

    @Test
    public void failuresLockTheirClientOutOfTheAccountAndTellNothingOfIt() {
        String desk = "127.0.0.5";
        for (int i = 0; i < 3; i++) {
            assertEquals(401, http.exchangeFrom(desk, "POST", "/session", CONSOLE, "{\"username\":\"wang\",\"password\":\"guess" + i + "\"}").status);
        }
        assertEquals(401, http.getFrom(desk, "/cases", "wang:guess3").status);
        assertEquals(401, http.getFrom(desk, "/cases", "wang:guess4").status);
        // tester's finding: a locked account answered 429 and an unknown name 401, so names could be discovered
        Http.Answer locked = http.exchangeFrom(desk, "POST", "/session", CONSOLE, "{\"username\":\"wang\",\"password\":\"wang-demo\"}");
        Http.Answer unknown = http.exchangeFrom(desk, "POST", "/session", CONSOLE, "{\"username\":\"nosuchuser\",\"password\":\"wang-demo\"}");
        Http.Answer wrong = http.exchangeFrom(desk, "POST", "/session", CONSOLE, "{\"username\":\"zhao\",\"password\":\"wrong-pass\"}");
        for (Http.Answer a : new Http.Answer[] {locked, unknown, wrong}) {
            assertEquals(a.toString(), 401, a.status);
            assertEquals("one answer for a lock, an unknown user and a wrong password", locked.body, a.body);
        }
        assertEquals("UNAUTHENTICATED", locked.code());
        assertEquals("HTTP Basic is locked too", 401, http.getFrom(desk, "/cases?size=1", "wang:wang-demo").status);
        // tester's finding: anyone could keep an account locked; now the owner at another computer still gets in
        assertEquals("the owner elsewhere", 200, http.getFrom("127.0.0.2", "/cases?size=1", "wang").status);
        assertEquals("another user from this client", 200, http.getFrom(desk, "/cases?size=1", "zhao").status);

        JsonNode users = http.get("/users", "security").json();
        boolean shown = false;
        for (JsonNode u : users) {
            shown |= "wang".equals(u.path("name").asText()) && !u.path("lockedUntil").asText().isEmpty();
        }
        assertTrue("the security administrator sees the lock: " + users, shown);
        assertEquals("users are not the system administrator's (三员分立)", 403, http.get("/users", "admin").status);
        assertEquals(403, http.delete("/users/wang/lock", "zhao").status);
        assertEquals(204, http.delete("/users/wang/lock", "security").status);
        assertEquals("opened by the security administrator", 200, http.getFrom(desk, "/cases?size=1", "wang").status);
        assertEquals(400, http.exchange("POST", "/session", CONSOLE, "{\"username\":\"zhao\"}").status);
    }

    @Test
    public void anAttackerCannotLockTheAdministratorOutAndIsSlowedDown() {
        // before: 5 wrong passwords from anywhere locked admin out of every computer for 15 minutes
        int refusedAt = -1;
        for (int i = 0; i < 30 && refusedAt < 0; i++) {
            Http.Answer a = http.getFrom("127.0.0.3", "/cases?size=1", "admin:guess" + i);
            if (a.status == 429) {
                refusedAt = i;
                assertEquals("TOO_MANY_ATTEMPTS", a.code());
                assertTrue("told when to come back", Integer.parseInt(a.headers.firstValue("Retry-After").orElse("0")) >= 1);
            } else {
                assertEquals(a.toString(), 401, a.status);
            }
        }
        assertEquals("after 10 failures the client waits before each try", 10, refusedAt);
        assertEquals("the administrator at their own desk still gets in", 200, http.get("/cases?size=1", "admin").status);
        assertEquals(200, http.getFrom("127.0.0.4", "/cases?size=1", "admin").status);
    }
}
