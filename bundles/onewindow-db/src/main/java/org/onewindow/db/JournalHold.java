package org.onewindow.db;

import java.time.Instant;

/**
 * Why nothing that takes a number of this district's own (a new case) may be written now: the city hub has not yet
 * confirmed that this journal continues the one it holds, or found it rewound. {@code code} is the stable error code,
 * {@code message} what a clerk reads.
 */
public record JournalHold(String code, String message, Instant since) {
    /** Started and federated: the hub has not yet confirmed the journal (at most the configured seconds, or until it answers). */
    public static final String HUB_CHECK_PENDING = "HUB_CHECK_PENDING";
    /** The hub found the journal behind what it had acknowledged: restored from an older copy, being reconciled. */
    public static final String RESTORE_RECONCILING = "RESTORE_RECONCILING";
}
