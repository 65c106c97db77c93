package org.onewindow.intake;

/** Where a case stands; it moves only by the transitions the window and back office may make. */
public enum CaseStatus {
    /** Being taken in at the window (收件). */
    DRAFT,
    /** Accepted (受理). */
    ACCEPTED,
    /** Not accepted (不予受理), with the reason. */
    REJECTED,
    /** With the owning department's back office (审查中). */
    IN_REVIEW,
    /** The back office asks for more or corrected materials (补正). */
    SUPPLEMENT_REQUESTED,
    APPROVED,
    DENIED,
    /** The result waits at the window (待取件). */
    READY_FOR_PICKUP,
    /** Handed out at the window or sent by post (已送达). */
    DELIVERED,
    /** Withdrawn at the applicant's request (撤回). */
    WITHDRAWN;

    /** Whether the case is still being handled. */
    public boolean isOpen() {
        return this != REJECTED && this != DELIVERED && this != WITHDRAWN;
    }
}
