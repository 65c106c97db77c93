package org.onewindow.evaluation.internal.services;

import java.time.Duration;
import java.time.Instant;

/**
 * When a finished case still unrated gets its one invitation (主动邀评): {@code afterDays} days after it finished, while it
 * can still be rated ({@code ratingDays} after the stage). A case rated at any stage, or invited once, is not invited.
 */
public record InvitationRule(int afterDays, int ratingDays) {

    public boolean enabled() {
        return afterDays > 0 && afterDays < ratingDays;
    }

    /** Whether a service finished at {@code finishedAt} is due an invitation at {@code now}. */
    public boolean due(Instant finishedAt, Instant now) {
        return enabled() && !finishedAt.isAfter(latestFinish(now)) && finishedAt.isAfter(earliestFinish(now));
    }

    /** Services finished at or before this are old enough to be invited. */
    public Instant latestFinish(Instant now) {
        return now.minus(Duration.ofDays(afterDays));
    }

    /** Services finished at or before this can no longer be rated: an invitation would be a link that answers closed. */
    public Instant earliestFinish(Instant now) {
        return now.minus(Duration.ofDays(ratingDays));
    }
}
