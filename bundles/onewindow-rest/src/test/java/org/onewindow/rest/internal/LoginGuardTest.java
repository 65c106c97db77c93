package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.Test;

public class LoginGuardTest {
    private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");
    private final LoginGuard guard = new LoginGuard(5, Duration.ofMinutes(15));

    @Test
    public void theFifthFailureLocksForFifteenMinutesFromTheLast() {
        for (int i = 0; i < 4; i++) {
            guard.failed("Clerk", T0.plusSeconds(i));
        }
        assertNull("four failures do not lock", guard.lockedUntil("clerk", T0.plusSeconds(5)));
        guard.failed("clerk", T0.plusSeconds(10));
        assertEquals("names are compared without case", T0.plusSeconds(10).plus(Duration.ofMinutes(15)),
                guard.lockedUntil("CLERK", T0.plusSeconds(11)));
        assertNull("open again after the lock time", guard.lockedUntil("clerk", T0.plusSeconds(10).plus(Duration.ofMinutes(15))));
    }

    @Test
    public void aSuccessOrAQuietSpellForgetsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            guard.failed("reviewer", T0);
        }
        guard.succeeded("reviewer");
        guard.failed("reviewer", T0);
        assertNull(guard.lockedUntil("reviewer", T0));
        for (int i = 0; i < 3; i++) {
            guard.failed("reviewer", T0);
        }
        guard.failed("reviewer", T0.plus(Duration.ofMinutes(16)));
        assertNull("failures older than the lock time start the count again", guard.lockedUntil("reviewer", T0.plus(Duration.ofMinutes(16))));
    }

    @Test
    public void sessionsEndAfterTheirIdleTimeAndUseRenewsThem() {
        Sessions sessions = new Sessions(Duration.ofMinutes(30));
        org.onewindow.rest.SessionStore.Session<AuthenticatedUser> s = sessions.open(new AuthenticatedUser("clerk", Set.of("clerk")), T0);
        assertTrue(sessions.find(s.id(), T0.plus(Duration.ofMinutes(29))).isPresent());
        assertTrue("renewed by the last use", sessions.find(s.id(), T0.plus(Duration.ofMinutes(58))).isPresent());
        assertTrue(sessions.find(s.id(), T0.plus(Duration.ofMinutes(89))).isEmpty());
        assertTrue("ids and tokens are long and random", s.id().length() >= 43 && !s.id().equals(s.csrfToken()));
    }
}
