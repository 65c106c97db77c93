package org.onewindow.access.internal.password;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.access.internal.TestDatabase;

public class CredentialsTest {
    private Credentials credentials;
    private final Instant now = Instant.parse("2026-12-06T08:00:00Z");

    @Before
    public void fresh() throws Exception {
        credentials = new Credentials(TestDatabase.fresh());
    }

    @Test
    public void anAccountFromBeforeIsTakenAsSetNowWithoutADutyToChange() {
        var a = credentials.account("admin", now);
        assertEquals(now, a.passwordSetAt());
        assertFalse(a.mustChange());
        assertEquals("and it stays as first seen", now, credentials.account("admin", now.plusSeconds(99)).passwordSetAt());
    }

    @Test
    public void theLastFivePasswordsCannotComeBackTheSixthCan() {
        for (int i = 1; i <= 6; i++) {
            credentials.passwordSet("wang", "Window-200" + i, i == 1 ? "security" : "wang", i == 1, now.plusSeconds(i), 5);
        }
        assertFalse("the first fell out of the history", credentials.reused("wang", "Window-2001", 5));
        for (int i = 2; i <= 6; i++) {
            assertTrue(credentials.reused("wang", "Window-200" + i, 5));
        }
        assertFalse(credentials.reused("zhao", "Window-2006", 5));
        var a = credentials.account("wang", now);
        assertFalse(a.mustChange());
        assertEquals("wang", a.setBy());
    }

    @Test
    public void aPasswordSetByTheAdministratorMustBeChanged() {
        credentials.passwordSet("li", "Window-2026", "security", true, now, 5);
        assertTrue(credentials.account("li", now).mustChange());
        credentials.delete("li");
        assertFalse(credentials.reused("li", "Window-2026", 5));
    }
}
