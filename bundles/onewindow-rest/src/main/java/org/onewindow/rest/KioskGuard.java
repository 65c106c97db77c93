package org.onewindow.rest;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the kiosk's case look-up from being used to guess: each client address may ask
 * {@code perClient} times per {@code window}, and a case number that got {@code wrongPerCase}
 * wrong ID suffixes within {@code window} answers no more look-ups until the window has passed. Shared by every
 * public look-up by case number and ID suffix (the progress, the rating of a case), each endpoint with its own guard.
 */
public final class KioskGuard {
    private final int perClient;
    private final int wrongPerCase;
    private final RecentCounts asked;
    private final RecentCounts wrong;

    public KioskGuard(int perClient, int wrongPerCase, Duration window) {
        this.perClient = perClient;
        this.wrongPerCase = wrongPerCase;
        this.asked = new RecentCounts(window);
        this.wrong = new RecentCounts(window);
    }

    /** Counts a look-up; whether it may go ahead. */
    public boolean allow(String client, String caseNo, Instant now) {
        return wrong.count(caseNo, now) < wrongPerCase && asked.tryAdd(client, perClient, now);
    }

    public void wrongSuffix(String caseNo, Instant now) {
        wrong.add(caseNo, now);
    }
}
