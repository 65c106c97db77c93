package org.onewindow.queue.internal.floor;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.onewindow.db.Jdbc;
import org.onewindow.queue.TicketStatus;

/** The SQL of tickets, their day's numbers and the calls; each method runs inside the caller's transaction. */
public final class TicketStore {
    private static final String SELECT = "SELECT " + TicketRow.COLUMNS + " FROM QUEUE_TICKET";

    private TicketStore() {
    }

    /**
     * The next number of the group on the day. The counter's row is locked until the transaction ends, so the tickets of
     * one group are taken one after the other: the number never repeats, and the one-ticket-per-citizen check that
     * follows sees every ticket taken before.
     */
    static int nextNumber(Connection c, LocalDate day, String group) throws SQLException {
        if (Jdbc.update(c, "UPDATE QUEUE_COUNTER SET LAST_NO = LAST_NO + 1 WHERE DAY = ? AND GRP = ?", Date.valueOf(day), group) == 0) {
            // the day's first ticket of the group; a concurrent first one fails on the key and its transaction runs again
            Jdbc.update(c, "INSERT INTO QUEUE_COUNTER (DAY, GRP, LAST_NO) VALUES (?, ?, 1)", Date.valueOf(day), group);
            return 1;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT LAST_NO FROM QUEUE_COUNTER WHERE DAY = ? AND GRP = ?")) {
            Jdbc.bind(s, Date.valueOf(day), group);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Whether the citizen already holds a ticket of the group on the day that is still waiting or being called. */
    static boolean holds(Connection c, LocalDate day, String group, String citizenId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM QUEUE_TICKET WHERE CITIZEN_ID = ? AND DAY = ? AND GRP = ?"
                + " AND STATUS IN ('WAITING', 'CALLED')")) {
            Jdbc.bind(s, citizenId, Date.valueOf(day), group);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static long insert(Connection c, TicketRow t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO QUEUE_TICKET (DAY, GRP, SEQ_NO, NUMBER, SOURCE, STATUS, PRIORITY,"
                + " ITEM_CODE, CITIZEN_ID, MOBILE, APPOINTMENT_CODE, SLOT_START, SLOT_END, TAKEN_AT, QUEUED_AT, CALLS, REQUEUED)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)", new String[] {"ID"})) {
            Jdbc.bind(s, Date.valueOf(t.day()), t.group(), t.seqNo(), t.number(), t.source().name(), TicketStatus.WAITING.name(),
                    (short) (t.priorityLane() ? 1 : 0), t.itemCode(), t.citizenId(), t.mobile(), t.appointmentCode(), t.slotStart(),
                    t.slotEnd(), t.takenAt(), t.queuedAt());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public static Optional<TicketRow> byId(Connection c, long id) throws SQLException {
        List<TicketRow> rows = select(c, " WHERE ID = ?", id);
        return rows.stream().findFirst();
    }

    static Optional<TicketRow> byNumber(Connection c, LocalDate day, String number) throws SQLException {
        return select(c, " WHERE DAY = ? AND NUMBER = ?", Date.valueOf(day), number).stream().findFirst();
    }

    /** The day's waiting tickets of the groups. */
    public static List<TicketRow> waiting(Connection c, LocalDate day, Collection<String> groups) throws SQLException {
        return waiting(c, day, groups, 0);
    }

    /** The day's waiting tickets of the groups, and those transferred to {@code window} (0: none) whatever their group. */
    public static List<TicketRow> waiting(Connection c, LocalDate day, Collection<String> groups, int window) throws SQLException {
        List<Object> values = new ArrayList<>();
        values.add(Date.valueOf(day));
        values.addAll(groups);
        values.add(window);
        String inGroups = groups.isEmpty() ? "1 = 0" : "GRP IN (" + Jdbc.placeholders(groups.size()) + ")";
        return select(c, " WHERE DAY = ? AND STATUS = 'WAITING' AND (" + inGroups + " OR FOR_WINDOW = ?)", values.toArray());
    }

    /** Every ticket of the day. */
    public static List<TicketRow> day(Connection c, LocalDate day) throws SQLException {
        return select(c, " WHERE DAY = ?", Date.valueOf(day));
    }

    /** The day's tickets in a status, all groups. */
    static List<TicketRow> inStatus(Connection c, LocalDate day, TicketStatus status) throws SQLException {
        return select(c, " WHERE DAY = ? AND STATUS = ?", Date.valueOf(day), status.name());
    }

    /**
     * Takes a waiting ticket for a window: only if it still waits, so that of two windows calling it at once one gets
     * it and the other goes on to the next.
     */
    static boolean claim(Connection c, long id, int window, String clerk, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE QUEUE_TICKET SET STATUS = 'CALLED', WINDOW_NO = ?, CLERK = ?, CALLED_AT = ?, CALLS = 1,"
                + " FOR_WINDOW = NULL WHERE ID = ? AND STATUS = 'WAITING'", window, clerk, now, id) == 1;
    }

    static void recall(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE QUEUE_TICKET SET CALLS = CALLS + 1, CALLED_AT = ? WHERE ID = ?", now, id);
    }

    /** Ends a called ticket: done or missed. */
    public static void end(Connection c, long id, TicketStatus status, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE QUEUE_TICKET SET STATUS = ?, FINISHED_AT = ? WHERE ID = ? AND STATUS = 'CALLED'", status.name(), now, id);
    }

    /** Puts a ticket back in a queue: another group or window (a transfer, keeping its place) or its own (at the back). */
    static void requeue(Connection c, long id, String group, Integer forWindow, Instant queuedAt, boolean requeued, String note)
            throws SQLException {
        Jdbc.update(c, "UPDATE QUEUE_TICKET SET STATUS = 'WAITING', GRP = ?, FOR_WINDOW = ?, QUEUED_AT = ?, WINDOW_NO = NULL,"
                + " CLERK = NULL, CALLED_AT = NULL, FINISHED_AT = NULL, CALLS = 0, REQUEUED = ?, NOTE = COALESCE(?, NOTE) WHERE ID = ?",
                group, forWindow, queuedAt, (short) (requeued ? 1 : 0), note, id);
    }

    static long call(Connection c, TicketRow t, int window, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO QUEUE_CALL (DAY, TICKET_ID, NUMBER, WINDOW_NO, CALLED_AT)"
                + " VALUES (?, ?, ?, ?, ?)", new String[] {"SEQ"})) {
            Jdbc.bind(s, Date.valueOf(t.day()), t.id(), t.number(), window, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The latest calls of the day, newest first: sequence, number, window, time. */
    static List<Object[]> latestCalls(Connection c, LocalDate day, int count) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT SEQ, NUMBER, WINDOW_NO, CALLED_AT FROM QUEUE_CALL WHERE DAY = ?"
                + " ORDER BY SEQ DESC FETCH FIRST " + Math.max(1, count) + " ROWS ONLY")) {
            Jdbc.bind(s, Date.valueOf(day));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Object[] {r.getLong(1), r.getString(2), r.getInt(3), r.getTimestamp(4).toInstant()});
                }
            }
        }
        return out;
    }

    /** The day's served tickets of a group and their mean service time in seconds (from the call to the end). */
    static long[] served(Connection c, LocalDate day, String group) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CALLED_AT, FINISHED_AT FROM QUEUE_TICKET WHERE DAY = ? AND GRP = ?"
                + " AND STATUS = 'DONE' AND CALLED_AT IS NOT NULL")) {
            Jdbc.bind(s, Date.valueOf(day), group);
            long n = 0;
            long seconds = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    n++;
                    seconds += Math.max(0, (r.getTimestamp(2).getTime() - r.getTimestamp(1).getTime()) / 1000);
                }
            }
            return new long[] {n, n == 0 ? 0 : seconds / n};
        }
    }

    /** The day's waiting tickets per group. */
    static java.util.Map<String, Integer> waitingByGroup(Connection c, LocalDate day) throws SQLException {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT GRP, COUNT(*) FROM QUEUE_TICKET WHERE DAY = ? AND STATUS = 'WAITING' GROUP BY GRP")) {
            Jdbc.bind(s, Date.valueOf(day));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return out;
    }

    /**
     * The numbers served without a case that ended at or after {@code since} (from the day before its day on, for the
     * day's index), oldest first.
     */
    public static List<TicketRow> servedWithoutCase(Connection c, LocalDate fromDay, Instant since, int limit) throws SQLException {
        return select(c, " WHERE DAY >= ? AND STATUS = 'DONE' AND CASE_NO IS NULL AND WINDOW_NO IS NOT NULL AND FINISHED_AT >= ?"
                + " ORDER BY FINISHED_AT, ID FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", java.sql.Date.valueOf(fromDay), since);
    }

    private static List<TicketRow> select(Connection c, String where, Object... values) throws SQLException {
        List<TicketRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT + where)) {
            Jdbc.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(TicketRow.of(r));
                }
            }
        }
        return out;
    }
}
