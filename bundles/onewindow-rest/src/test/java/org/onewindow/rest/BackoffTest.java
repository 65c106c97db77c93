package org.onewindow.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.junit.Test;

public class BackoffTest {

    @Test
    public void doublesFromTheBaseBetweenHalfAndFullWait() {
        Backoff lowest = new Backoff(1000, 600_000, () -> 0.0);
        Backoff highest = new Backoff(1000, 600_000, () -> 0.999_999);
        assertEquals(500, lowest.delayMillis(1));
        assertEquals(999, highest.delayMillis(1));
        assertEquals(1000, lowest.delayMillis(2));
        assertEquals(4000, lowest.delayMillis(4));
        assertTrue(highest.delayMillis(4) < 8000);
    }

    @Test
    public void neverWaitsLongerThanTheCapEvenAfterManyAttempts() {
        Backoff b = new Backoff(1000, 60_000, () -> 0.999_999);
        for (int attempt = 1; attempt < 200; attempt++) {
            assertTrue("attempt " + attempt, b.delayMillis(attempt) <= 60_000);
        }
        assertEquals(30_000, new Backoff(1000, 60_000, () -> 0.0).delayMillis(64));
    }

    @Test
    public void jitterSpreadsHandoversThatFailedTogether() {
        Random random = new Random(42);
        Backoff b = new Backoff(1000, 600_000, random::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long d = b.delayMillis(5);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(min >= 8000 && min < 8500);
        assertTrue(max > 15_500 && max <= 16_000);
    }
}
