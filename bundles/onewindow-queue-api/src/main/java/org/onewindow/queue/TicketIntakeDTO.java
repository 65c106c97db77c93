package org.onewindow.queue;

/**
 * What the window needs to open a case from the ticket it called: the item asked for at the kiosk (or null), and the
 * citizen's ID number and mobile as they were given there, whole (the read is audited; the clerk still checks the ID
 * card, a number typed at a kiosk binds nobody). {@code caseNo} is the case the ticket already serves, if any.
 */
public record TicketIntakeDTO(long ticketId, String number, String itemCode, String idNumber, String mobile, String caseNo) {
}
