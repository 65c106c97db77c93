package org.onewindow.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each key (a client address, a case number, an ID number) did something within a sliding
 * window, in memory: what guards against guessing and flooding count with.
 */
public final class RecentCounts {
    private final Duration window;
    private final Map<String, Deque<Instant>> times = new ConcurrentHashMap<>();

    public RecentCounts(Duration window) {
        this.window = window;
    }

    /** How often {@code key} did it within the window before {@code now}. */
    public int count(String key, Instant now) {
        Deque<Instant> t = times.get(key);
        if (t == null) {
            return 0;
        }
        synchronized (t) {
            drop(t, now);
            return t.size();
        }
    }

    /** The latest time {@code key} did it within the window, or null. */
    public Instant last(String key, Instant now) {
        Deque<Instant> t = times.get(key);
        if (t == null) {
            return null;
        }
        synchronized (t) {
            drop(t, now);
            return t.peekLast();
        }
    }

    public void add(String key, Instant now) {
        Deque<Instant> t = times.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (t) {
            drop(t, now);
            t.addLast(now);
        }
    }

    /** Counts it for {@code key} if it did it fewer than {@code limit} times within the window; whether it did. */
    public boolean tryAdd(String key, int limit, Instant now) {
        Deque<Instant> t = times.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (t) {
            drop(t, now);
            if (t.size() >= limit) {
                return false;
            }
            t.addLast(now);
            return true;
        }
    }

    /** Forgets keys with nothing left in the window, so the map stays small. */
    public void sweep(Instant now) {
        times.values().removeIf(t -> {
            synchronized (t) {
                drop(t, now);
                return t.isEmpty();
            }
        });
    }

    private void drop(Deque<Instant> t, Instant now) {
        while (!t.isEmpty() && !t.peekFirst().plus(window).isAfter(now)) {
            t.removeFirst();
        }
    }
}
