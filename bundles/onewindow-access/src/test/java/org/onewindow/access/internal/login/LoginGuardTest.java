package org.onewindow.access.internal.login;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class LoginGuardTest {
    private final LoginGuard guard = new LoginGuard(new LoginGuard.Limits(5, Duration.ofMinutes(15), 20, 10, Duration.ofSeconds(300)));
    private final Instant t0 = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    public void fiveFailuresLockThePairOnlyAndTheOwnerElsewhereStillGetsIn() {
        for (int i = 0; i < 4; i++) {
            guard.failed("admin", "10.0.0.9", t0.plusSeconds(i));
        }
        assertFalse(guard.locked("admin", "10.0.0.9", t0.plusSeconds(5)));
        assertTrue("the fifth failure locks", guard.failed("admin", "10.0.0.9", t0.plusSeconds(5)).pairLocked());
        assertTrue(guard.locked("admin", "10.0.0.9", t0.plusSeconds(6)));
        assertTrue("names are not case-sensitive", guard.locked("ADMIN", "10.0.0.9", t0.plusSeconds(6)));
        assertFalse("the owner at their own desk is not locked out", guard.locked("admin", "10.0.0.20", t0.plusSeconds(6)));
        assertFalse("nor is another account from the attacker's client", guard.locked("clerk", "10.0.0.9", t0.plusSeconds(6)));
        assertNotNull(guard.lockedUntil("admin", t0.plusSeconds(6)));
        assertFalse("the lock ends 15 minutes after the last failure", guard.locked("admin", "10.0.0.9", t0.plusSeconds(5).plus(Duration.ofMinutes(15)).plusSeconds(1)));
    }

    @Test
    public void anAttackerCannotKeepTheOwnerLockedOutHoweverManyTries() {
        for (int i = 0; i < 1000; i++) {
            guard.failed("admin", "10.0.0.9", t0.plusMillis(i));
        }
        assertFalse(guard.locked("admin", "10.0.0.20", t0.plusSeconds(2)));
    }

    @Test
    public void anAccountUnderAttackFromManyClientsLocksEachClientThatFailedOnItAfterOneTry() {
        for (int i = 0; i < 19; i++) {
            guard.failed("admin", "10.1.0." + i, t0.plusSeconds(i));
        }
        assertFalse(guard.locked("admin", "10.1.0.3", t0.plusSeconds(30)));
        assertTrue(guard.failed("admin", "10.1.0.19", t0.plusSeconds(30)).accountAlarmed());
        assertTrue("one failure now locks its client", guard.locked("admin", "10.1.0.3", t0.plusSeconds(31)));
        assertFalse("a client that never failed still gets in", guard.locked("admin", "10.0.0.20", t0.plusSeconds(31)));
        assertTrue(guard.failed("admin", "10.2.0.1", t0.plusSeconds(32)).pairLocked());
    }

    @Test
    public void aClientThatFailsOftenWaitsLongerAndLongerWhateverTheAccounts() {
        for (int i = 0; i < 9; i++) {
            guard.failed(i % 2 == 0 ? null : "user" + i, "10.0.0.9", t0);
            assertNull(guard.throttled("10.0.0.9", t0));
        }
        assertTrue(guard.failed(null, "10.0.0.9", t0).clientThrottled());
        assertEquals(Duration.ofSeconds(1), guard.throttled("10.0.0.9", t0));
        guard.failed(null, "10.0.0.9", t0.plusSeconds(1));
        assertEquals(Duration.ofSeconds(2), guard.throttled("10.0.0.9", t0.plusSeconds(1)));
        guard.failed(null, "10.0.0.9", t0.plusSeconds(3));
        assertEquals(Duration.ofSeconds(4), guard.throttled("10.0.0.9", t0.plusSeconds(3)));
        assertNull("after the wait it may try again", guard.throttled("10.0.0.9", t0.plusSeconds(7)));
        for (int i = 0; i < 30; i++) {
            guard.failed(null, "10.0.0.9", t0.plusSeconds(10));
        }
        assertEquals("capped", Duration.ofSeconds(300), guard.throttled("10.0.0.9", t0.plusSeconds(10)));
        assertNull("other clients are not slowed", guard.throttled("10.0.0.20", t0.plusSeconds(10)));
    }

    @Test
    public void aRightLoginClearsItsPairAndUnlockOpensTheAccountEverywhere() {
        for (int i = 0; i < 4; i++) {
            guard.failed("clerk", "10.0.0.9", t0);
        }
        guard.succeeded("clerk", "10.0.0.9");
        guard.failed("clerk", "10.0.0.9", t0);
        assertFalse(guard.locked("clerk", "10.0.0.9", t0));
        for (int i = 0; i < 5; i++) {
            guard.failed("clerk", "10.0.0.9", t0);
            guard.failed("clerk", "10.0.0.10", t0);
        }
        assertEquals(2, guard.locks(t0).size());
        guard.unlock("clerk");
        assertFalse(guard.locked("clerk", "10.0.0.9", t0));
        assertEquals(0, guard.locks(t0).size());
    }
}
