package org.onewindow.intake.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the kiosk's case look-up from being used to guess: each client address may ask
 * {@code perClient} times per {@code window}, and a case number that got {@code wrongPerCase}
 * wrong ID suffixes within {@code window} answers no more look-ups until the window has passed.
 */
final class KioskGuard {
    private final int perClient;
    private final int wrongPerCase;
    private final Duration window;
    private final Map<String, Deque<Instant>> asked = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> wrong = new ConcurrentHashMap<>();

    KioskGuard(int perClient, int wrongPerCase, Duration window) {
        this.perClient = perClient;
        this.wrongPerCase = wrongPerCase;
        this.window = window;
    }

    /** Counts a look-up; whether it may go ahead. */
    boolean allow(String client, String caseNo, Instant now) {
        if (recent(wrong, caseNo, now) >= wrongPerCase) {
            return false;
        }
        Deque<Instant> mine = asked.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (mine) {
            drop(mine, now);
            if (mine.size() >= perClient) {
                return false;
            }
            mine.addLast(now);
            return true;
        }
    }

    void wrongSuffix(String caseNo, Instant now) {
        Deque<Instant> times = wrong.computeIfAbsent(caseNo, k -> new ArrayDeque<>());
        synchronized (times) {
            drop(times, now);
            times.addLast(now);
        }
    }

    private int recent(Map<String, Deque<Instant>> counts, String key, Instant now) {
        Deque<Instant> times = counts.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            drop(times, now);
            return times.size();
        }
    }

    private void drop(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }
}
