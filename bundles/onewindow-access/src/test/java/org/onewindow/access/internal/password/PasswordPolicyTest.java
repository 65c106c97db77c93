package org.onewindow.access.internal.password;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(10, 3, 5, Duration.ofDays(90));

    @Test
    public void aLongPasswordOfThreeClassesWithoutTheNamePasses() {
        policy.check("wang", "Window-2026");
        policy.check("wang", "窗口办事Hall2026");
        assertEquals(4, PasswordPolicy.classes("aA1!"));
    }

    @Test
    public void shortSimpleNamedOrOddPasswordsAreRefused() {
        for (String bad : new String[] {null, "Short-1", "alllowercase1", "ALLUPPER-CASE", "Wang-2026-x", " Leading-2026", "Tab\tIn-2026",
                "{CRYPT}Abc-2026", "A1-" + "x".repeat(70)}) {
            try {
                policy.check("wang", bad);
                fail("must be refused: " + bad);
            } catch (Problem e) {
                assertEquals("WEAK_PASSWORD", e.code());
            }
        }
    }

    @Test
    public void passwordsExpireAfterTheirAgeUnlessTheAgeIsZero() {
        Instant set = Instant.parse("2026-09-01T00:00:00Z");
        assertFalse(policy.expired(set, set.plus(Duration.ofDays(89))));
        assertTrue(policy.expired(set, set.plus(Duration.ofDays(91))));
        PasswordPolicy never = new PasswordPolicy(10, 3, 5, Duration.ZERO);
        assertFalse(never.expired(set, set.plus(Duration.ofDays(3650))));
        assertNull(never.expiresAt(set));
    }
}
