package org.onewindow.queue.internal.floor;

import java.util.concurrent.TimeUnit;

/**
 * The hall screen's long poll: every change the board shows (a call, a window's state, a number taken) moves a version
 * on; a screen that has seen a version waits here until the next, so that a call is on the screen as soon as it is
 * committed, with no page asking every second. The version lives in memory: after a restart a screen's version differs,
 * and it simply reads the board again.
 */
public final class BoardSignal {
    private long version = System.currentTimeMillis();
    private boolean closed;

    synchronized long version() {
        return version;
    }

    synchronized void changed() {
        version++;
        notifyAll();
    }

    /** Waits until the version is no longer {@code seen}, at most {@code millis}; answers the version then. */
    synchronized long await(long seen, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = millis; version == seen && !closed && left > 0; left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) {
            wait(left);
        }
        return version;
    }

    /** Lets every waiting screen go (the capability is stopping). */
    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
