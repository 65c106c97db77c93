package org.onewindow.rest;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import org.onewindow.problem.StorageFaults;

/**
 * How long a background loop (the relay, replication's shipper, the cross-district inbox) waits before it looks again:
 * its interval after it found work, doubling while it finds none up to {@code idleMaxMillis} (an idle hall costs
 * little, and the first case of the morning waits at most that), and after a failure the {@link Backoff} of the
 * loop's own; after a storage fault (a full disk, a read-only database) longer still, from 5 s doubling to 20 s:
 * a disk is not freed in a second, and every try makes Derby boot the database again.
 */
public final class PollPacing {
    static final long STORAGE_BASE_MILLIS = 5_000;
    /**
     * At most this long between looks during a storage fault: a look costs nothing while the disk is full (the
     * transactions refuse before asking Derby, DiskGate), and the hall's work should flow soon after space is freed.
     */
    static final long STORAGE_MAX_MILLIS = 20_000;
    /** A storage fault this long after the last one starts the doubling again. */
    static final long STORAGE_QUIET_MILLIS = 60_000;

    private final long intervalMillis;
    private final long idleMaxMillis;
    private final Backoff failures;
    private final Backoff storage;
    private final LongSupplier clock;
    private int idleLooks;
    private int failed;
    private int storageFaults;
    private long lastStorageFault;

    public PollPacing(long intervalMillis, long idleMaxMillis, Backoff failures, DoubleSupplier random) {
        this(intervalMillis, idleMaxMillis, failures, random, System::nanoTime);
    }

    /** The same, with {@code nanos} for the time (the tests'). */
    PollPacing(long intervalMillis, long idleMaxMillis, Backoff failures, DoubleSupplier random, LongSupplier nanos) {
        this.intervalMillis = Math.max(1, intervalMillis);
        this.idleMaxMillis = Math.max(this.intervalMillis, idleMaxMillis);
        this.failures = failures;
        this.storage = new Backoff(STORAGE_BASE_MILLIS, STORAGE_MAX_MILLIS, random);
        this.clock = nanos;
    }

    /** Work was found and done: look again after the interval. */
    public synchronized long worked() {
        idleLooks = 0;
        failed = 0;
        return intervalMillis;
    }

    /** Nothing to do: the interval, doubled for every idle look before, up to the idle cap. */
    public synchronized long idle() {
        failed = 0;
        long delay = Math.min(idleMaxMillis, intervalMillis << Math.min(idleLooks, 20));
        idleLooks++;
        return delay;
    }

    /**
     * A failure: the loop's backoff, or the storage backoff if the disk or the database refused a write. The storage
     * backoff goes on doubling across the looks that succeed in between, until a minute passes without a storage fault:
     * on a full disk a loop's reads succeed (Derby boots the database again for them) and only its writes fail, so
     * counting from the last success would start from 5 s at every write, and boot Derby every few seconds.
     */
    public synchronized long failed(Throwable failure) {
        idleLooks = 0;
        failed++;
        if (!StorageFaults.isStorageFault(failure)) {
            return failures.delayMillis(failed);
        }
        long now = clock.getAsLong();
        if (storageFaults > 0 && now - lastStorageFault > STORAGE_QUIET_MILLIS * 1_000_000) {
            storageFaults = 0;
        }
        lastStorageFault = now;
        storageFaults++;
        return storage.delayMillis(storageFaults);
    }

    /** Failures in a row, 0 after a success or an idle look. */
    public synchronized int failures() {
        return failed;
    }
}
