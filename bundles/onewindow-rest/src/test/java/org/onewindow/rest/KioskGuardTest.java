package org.onewindow.rest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class KioskGuardTest {
    private static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
    private final KioskGuard guard = new KioskGuard(3, 2, Duration.ofMinutes(10));

    @Test
    public void aClientMayAskSoManyTimesPerWindow() {
        for (int i = 0; i < 3; i++) {
            assertTrue(guard.allow("10.0.0.7", "C" + i, T0));
        }
        assertFalse(guard.allow("10.0.0.7", "C9", T0.plusSeconds(60)));
        assertTrue("another kiosk is not held up", guard.allow("10.0.0.8", "C9", T0.plusSeconds(60)));
        assertTrue("the window moves on", guard.allow("10.0.0.7", "C9", T0.plus(Duration.ofMinutes(10))));
    }

    @Test
    public void aCaseNumberRestsAfterWrongSuffixesFromAnywhere() {
        guard.wrongSuffix("441302-20261128-0001", T0);
        assertTrue(guard.allow("a", "441302-20261128-0001", T0));
        guard.wrongSuffix("441302-20261128-0001", T0.plusSeconds(1));
        assertFalse(guard.allow("b", "441302-20261128-0001", T0.plusSeconds(2)));
        assertTrue(guard.allow("b", "441302-20261128-0002", T0.plusSeconds(2)));
        assertTrue(guard.allow("c", "441302-20261128-0001", T0.plusSeconds(1).plus(Duration.ofMinutes(10))));
    }
}
