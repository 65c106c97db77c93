package org.onewindow.queue.internal.floor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TicketStatus;

/**
 * A row of {@code QUEUE_TICKET}. {@code citizenId} is whole: only masked does it leave this bundle (whole only by the
 * audited read of the window that called it). {@code caseNo}: the case the ticket is served for, if any.
 */
public record TicketRow(long id, LocalDate day, String group, int seqNo, String number, TicketSource source, TicketStatus status,
        boolean priorityLane, String itemCode, String citizenId, String mobile, String appointmentCode, Instant slotStart,
        Instant slotEnd, Integer forWindow, Instant takenAt, Instant queuedAt, Instant calledAt, Instant finishedAt,
        Integer window, String clerk, int calls, boolean requeued, String note, String caseNo) {

    static final String COLUMNS = "ID, DAY, GRP, SEQ_NO, NUMBER, SOURCE, STATUS, PRIORITY, ITEM_CODE, CITIZEN_ID, MOBILE,"
            + " APPOINTMENT_CODE, SLOT_START, SLOT_END, FOR_WINDOW, TAKEN_AT, QUEUED_AT, CALLED_AT, FINISHED_AT, WINDOW_NO, CLERK,"
            + " CALLS, REQUEUED, NOTE, CASE_NO";

    static TicketRow of(ResultSet r) throws SQLException {
        return new TicketRow(r.getLong(1), r.getDate(2).toLocalDate(), r.getString(3), r.getInt(4), r.getString(5),
                TicketSource.valueOf(r.getString(6)), TicketStatus.valueOf(r.getString(7)), r.getShort(8) != 0, r.getString(9),
                r.getString(10), r.getString(11), r.getString(12), instant(r.getTimestamp(13)), instant(r.getTimestamp(14)),
                (Integer) r.getObject(15), instant(r.getTimestamp(16)), instant(r.getTimestamp(17)), instant(r.getTimestamp(18)),
                instant(r.getTimestamp(19)), (Integer) r.getObject(20), r.getString(21), r.getInt(22), r.getShort(23) != 0,
                r.getString(24), r.getString(25));
    }

    public CallingOrder.Waiting waiting() {
        return new CallingOrder.Waiting(id, seqNo, group, priorityLane, forWindow, slotStart, slotEnd, queuedAt);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
