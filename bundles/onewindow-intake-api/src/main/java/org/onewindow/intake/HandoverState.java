package org.onewindow.intake;

/** Where a handover of an accepted case to its department stands in the outbox. */
public enum HandoverState {
    /** Waiting for the relay (also while the relay is not installed). */
    PENDING,
    /** Failed at least once; tried again at {@code nextAttemptAt}. */
    RETRYING,
    /** Gave up after the configured attempts; waits for an administrator's retry. */
    DEAD,
    /** Handed over: the department has the case. */
    DONE,
    /** The case was withdrawn before it could be handed over. */
    CANCELLED
}
