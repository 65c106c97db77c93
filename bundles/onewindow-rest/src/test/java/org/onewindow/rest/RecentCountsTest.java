package org.onewindow.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class RecentCountsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    public void countsWithinTheWindowOnly() {
        RecentCounts counts = new RecentCounts(Duration.ofMinutes(10));
        assertTrue(counts.tryAdd("a", 2, T0));
        assertTrue(counts.tryAdd("a", 2, T0.plusSeconds(60)));
        assertFalse("the limit is reached", counts.tryAdd("a", 2, T0.plusSeconds(120)));
        assertEquals(2, counts.count("a", T0.plusSeconds(120)));
        assertEquals(T0.plusSeconds(60), counts.last("a", T0.plusSeconds(120)));
        assertTrue("the first has left the window", counts.tryAdd("a", 2, T0.plusSeconds(600)));
        assertEquals(0, counts.count("b", T0));
        assertNull(counts.last("b", T0));
        counts.add("b", T0);
        counts.sweep(T0.plusSeconds(1200));
        assertEquals(0, counts.count("b", T0.plusSeconds(1200)));
    }
}
