package org.onewindow.online;

/** Where an online application stands before acceptance. */
public enum ApplicationState {
    /** Being filled in by the citizen. */
    DRAFT,
    /** Waiting for pre-review. */
    SUBMITTED,
    /** Returned with a one-time notice of what is missing. */
    RETURNED,
    /** Pre-review passed; the item's fee is to be paid before the case is accepted. */
    AWAITING_PAYMENT,
    /** Accepted online; the case goes on as any accepted case. */
    ACCEPTED,
    /** Refused (不予受理). */
    REJECTED,
    /** Withdrawn by the citizen before acceptance. */
    WITHDRAWN
}
