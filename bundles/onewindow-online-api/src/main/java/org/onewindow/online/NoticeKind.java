package org.onewindow.online;

/** What a notice is about. */
public enum NoticeKind {
    SIGN_IN_CODE, APPOINTMENT_BOOKED, APPOINTMENT_CHANGED, APPOINTMENT_CANCELLED,
    APPLICATION_RETURNED, APPLICATION_ACCEPTED, APPLICATION_REJECTED, PAYMENT_DUE,
    CASE_SUPPLEMENT, CASE_DECIDED, RESULT_READY, RESULT_POSTED,
    /** The hall's queue: the citizen's number is near its turn (无声叫号). */
    QUEUE_TURN,
    /** 主动邀评: a link to rate a finished service, at hand-out and once more if unrated after some days. */
    RATING_INVITATION
}
