package org.onewindow.queue.internal.floor;

import static org.junit.Assert.assertEquals;

import java.time.Duration;

import org.junit.Test;

public class WaitEstimateTest {
    private static final Duration EIGHT = Duration.ofMinutes(8);

    @Test
    public void nobodyAheadWaitsNothing() {
        assertEquals(0, WaitEstimate.minutes(0, 3, EIGHT, 0, null));
    }

    @Test
    public void theConfiguredTimeIsSharedAmongTheOpenWindows() {
        assertEquals(24, WaitEstimate.minutes(3, 1, EIGHT, 0, null));
        assertEquals(12, WaitEstimate.minutes(3, 2, EIGHT, 0, null));
        assertEquals(8, WaitEstimate.minutes(3, 3, EIGHT, 0, null));
    }

    @Test
    public void aGroupNobodyServesYetIsToldWhatOneWindowWouldTake() {
        assertEquals(16, WaitEstimate.minutes(2, 0, EIGHT, 0, null));
    }

    @Test
    public void theDaysOwnMeanReplacesTheConfiguredTimeOnceEnoughWereServed() {
        Duration mean = Duration.ofMinutes(4);
        assertEquals(24, WaitEstimate.minutes(3, 1, EIGHT, WaitEstimate.SERVED_FOR_MEAN - 1, mean));
        assertEquals(12, WaitEstimate.minutes(3, 1, EIGHT, WaitEstimate.SERVED_FOR_MEAN, mean));
    }

    @Test
    public void aFractionOfAMinuteIsAMinute() {
        assertEquals(1, WaitEstimate.minutes(1, 10, Duration.ofMinutes(3), 0, null));
    }
}
