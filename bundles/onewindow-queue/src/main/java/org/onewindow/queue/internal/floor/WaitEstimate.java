package org.onewindow.queue.internal.floor;

import java.time.Duration;

/**
 * The wait a ticket is told: the tickets ahead of it, times the group's mean service time today (the configured one until
 * a few were served), shared among the windows open for the group (at least one: a group nobody serves yet still gets a
 * figure, the one a single window would give).
 */
public final class WaitEstimate {
    /** Served tickets of the day before their mean replaces the configured service time. */
    static final int SERVED_FOR_MEAN = 5;

    private WaitEstimate() {
    }

    static int minutes(int ahead, int openWindows, Duration configured, int servedToday, Duration meanToday) {
        if (ahead <= 0) {
            return 0;
        }
        Duration per = servedToday >= SERVED_FOR_MEAN && meanToday != null ? meanToday : configured;
        double minutes = ahead * (per.toSeconds() / 60.0) / Math.max(1, openWindows);
        return (int) Math.max(1, Math.ceil(minutes));
    }
}
