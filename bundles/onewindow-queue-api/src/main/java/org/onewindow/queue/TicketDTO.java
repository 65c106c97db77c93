package org.onewindow.queue;

/**
 * A ticket as the citizen, the window and the desk see it. {@code ahead} and {@code estimatedWaitMinutes} are for a waiting
 * ticket (0 otherwise); {@code citizen} is the ID number masked, or null when none was given; {@code caseNo} the case the
 * ticket is served for (staff only). Times are ISO-8601 instants.
 */
public record TicketDTO(long id, String day, String number, String group, String groupName, TicketSource source,
        TicketStatus status, String itemCode, String citizen, boolean mobileGiven, Integer window, int ahead,
        int estimatedWaitMinutes, String takenAt, String calledAt, int calls, boolean requeued, String note, String caseNo) {
}
