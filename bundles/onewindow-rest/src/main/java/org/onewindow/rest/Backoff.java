package org.onewindow.rest;

import java.util.function.DoubleSupplier;

/**
 * Waits between attempts of an outgoing call (relay, replication): doubling from a base up to a cap, with "equal jitter" (half fixed, half
 * random) so that many handovers failing together do not retry together.
 */
public final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    public Backoff(long baseMillis, long maxMillis, DoubleSupplier random) {
        this.baseMillis = Math.max(1, baseMillis);
        this.maxMillis = Math.max(this.baseMillis, maxMillis);
        this.random = random;
    }

    /** The wait after the {@code attempt}-th failure (1 for the first). */
    public long delayMillis(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long cap = Math.min(maxMillis, baseMillis << doublings);
        long half = cap / 2;
        return half + (long) (random.getAsDouble() * (cap - half));
    }
}
