package org.onewindow.queue.internal.floor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.onewindow.db.Jdbc;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.WindowState;

/** The SQL of the hall's queue groups and windows; each method runs inside the caller's transaction. */
public final class HallStore {

    /** A row of {@code QUEUE_WINDOW}. */
    public record WindowRow(int no, List<String> groups, WindowState state, String clerk, Long currentTicket) {
    }

    private HallStore() {
    }

    public static List<QueueGroupDTO> groups(Connection c) throws SQLException {
        List<QueueGroupDTO> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CODE, PREFIX, NAME, PRIORITY, DEPARTMENTS, ITEMS FROM QUEUE_GROUP"
                + " ORDER BY SORT_ORDER, CODE"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new QueueGroupDTO(r.getString(1), r.getString(2), r.getString(3), r.getShort(4) != 0, list(r.getString(5)),
                        list(r.getString(6))));
            }
        }
        return out;
    }

    /** Adds the group at the end of the hall's order, or changes it where it stands. */
    public static void saveGroup(Connection c, QueueGroupDTO g) throws SQLException {
        Object[] values = {g.prefix(), g.name(), (short) (g.priority() ? 1 : 0), String.join(",", g.departments()), String.join(",", g.items()),
            g.code()};
        if (Jdbc.update(c, "UPDATE QUEUE_GROUP SET PREFIX = ?, NAME = ?, PRIORITY = ?, DEPARTMENTS = ?, ITEMS = ? WHERE CODE = ?",
                values) == 0) {
            Jdbc.update(c, "INSERT INTO QUEUE_GROUP (PREFIX, NAME, PRIORITY, DEPARTMENTS, ITEMS, CODE, SORT_ORDER)"
                    + " SELECT ?, ?, ?, ?, ?, ?, COALESCE(MAX(SORT_ORDER), 0) + 1 FROM QUEUE_GROUP", values);
        }
    }

    public static List<WindowRow> windows(Connection c) throws SQLException {
        return selectWindows(c, "", new Object[0]);
    }

    static Optional<WindowRow> window(Connection c, int no) throws SQLException {
        return selectWindows(c, " WHERE WINDOW_NO = ?", new Object[] {no}).stream().findFirst();
    }

    /** The window the clerk is signed in at, its row locked for the rest of the transaction (one call at a time per window). */
    static Optional<WindowRow> windowOfLocked(Connection c, String clerk) throws SQLException {
        // an update that changes nothing takes the row's lock; the select then reads it as the lock holder
        if (Jdbc.update(c, "UPDATE QUEUE_WINDOW SET STATE = STATE WHERE CLERK = ?", clerk) == 0) {
            return Optional.empty();
        }
        return selectWindows(c, " WHERE CLERK = ?", new Object[] {clerk}).stream().findFirst();
    }

    public static void saveWindow(Connection c, int no, List<String> groups, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE QUEUE_WINDOW SET GROUPS = ?, CHANGED_AT = ? WHERE WINDOW_NO = ?", String.join(",", groups), now, no) == 0) {
            Jdbc.update(c, "INSERT INTO QUEUE_WINDOW (WINDOW_NO, GROUPS, STATE, CHANGED_AT) VALUES (?, ?, 'CLOSED', ?)", no,
                    String.join(",", groups), now);
        }
    }

    /** The clerk signs in at the window (open), unless another clerk is signed in there; whether they did. */
    static boolean takeWindow(Connection c, int no, String clerk, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE QUEUE_WINDOW SET STATE = CASE WHEN CLERK = ? THEN STATE ELSE 'OPEN' END, CLERK = ?, CHANGED_AT = ?"
                + " WHERE WINDOW_NO = ? AND (CLERK IS NULL OR CLERK = ?)", clerk, clerk, now, no, clerk) == 1;
    }

    /** Signs the clerk in (open) or out (closed, clerk null) or sets the state, and the current ticket. */
    static void setWindow(Connection c, int no, WindowState state, String clerk, Long currentTicket, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE QUEUE_WINDOW SET STATE = ?, CLERK = ?, CURRENT_TICKET = ?, CHANGED_AT = ? WHERE WINDOW_NO = ?", state.name(), clerk,
                currentTicket, now, no);
    }

    private static List<WindowRow> selectWindows(Connection c, String where, Object[] values) throws SQLException {
        List<WindowRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT WINDOW_NO, GROUPS, STATE, CLERK, CURRENT_TICKET FROM QUEUE_WINDOW" + where
                + " ORDER BY WINDOW_NO")) {
            Jdbc.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new WindowRow(r.getInt(1), list(r.getString(2)), WindowState.valueOf(r.getString(3)), r.getString(4),
                            (Long) r.getObject(5)));
                }
            }
        }
        return out;
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::strip).toList();
    }
}
