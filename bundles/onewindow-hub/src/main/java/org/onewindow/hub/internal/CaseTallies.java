package org.onewindow.hub.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.db.Jdbc;

/**
 * The board's counts of a batch's cases (V9: {@code HUB_CASE_DAY}, {@code HUB_CASE_SUM}, {@code HUB_DISTRICT.CASES}),
 * gathered while the batch is written and added in its transaction. A case moved by the batch leaves the row of its
 * state before ({@link #remove}) and joins the row of its state now ({@link #add}); a new one only joins. The rows
 * are keyed by district, so two districts' batches never wait for each other here.
 */
final class CaseTallies {
    private final String district;
    private final Map<DayKey, long[]> days = new LinkedHashMap<>();
    private final Map<SumKey, long[]> sums = new LinkedHashMap<>();
    private final Map<SumKey, String> departmentNames = new LinkedHashMap<>();
    private long newCases;

    CaseTallies(String district) {
        this.district = district;
    }

    /** What a case's row in {@code HUB_CASE} counts for. */
    record Counted(String departmentCode, String departmentName, String channel, String status, Timestamp createdAt, Integer visits,
            Short inTime) {
    }

    void add(Counted c, boolean isNew) {
        change(c, 1);
        departmentNames.put(sumKey(c), c.departmentName());
        newCases += isNew ? 1 : 0;
    }

    void remove(Counted c) {
        change(c, -1);
    }

    private void change(Counted c, int by) {
        boolean timed = c.inTime() != null;
        boolean inTime = timed && c.inTime() == 1;
        boolean delivered = "DELIVERED".equals(c.status());
        boolean oneVisit = delivered && c.visits() != null && c.visits() <= 1;
        long[] day = days.computeIfAbsent(new DayKey(blank(c.departmentCode()), day(c.createdAt()), blank(c.channel()), blank(c.status())),
                k -> new long[4]);
        day[0] += by;
        day[1] += inTime ? by : 0;
        day[2] += timed ? by : 0;
        day[3] += oneVisit ? by : 0;
        long[] sum = sums.computeIfAbsent(sumKey(c), k -> new long[5]);
        sum[0] += by;
        sum[1] += inTime ? by : 0;
        sum[2] += timed ? by : 0;
        sum[3] += delivered ? by : 0;
        sum[4] += oneVisit ? by : 0;
    }

    /**
     * Adds the counts to their rows, making the rows not there yet; rows whose counts did not change are not touched. Each
     * table takes one batch of updates and one of inserts for the rows no update found: a batch of a busy district moves
     * cases of many days, departments and statuses, and a statement each was most of the time a batch took.
     */
    void write(Connection c) throws SQLException {
        List<Object[]> dayRows = new ArrayList<>();
        for (Map.Entry<DayKey, long[]> e : days.entrySet()) {
            long[] n = e.getValue();
            DayKey k = e.getKey();
            if (!unchanged(n)) {
                dayRows.add(new Object[] {n[0], n[1], n[2], n[3], district, k.department(), Date.valueOf(k.day()), k.channel(), k.status()});
            }
        }
        addAll(c, "UPDATE HUB_CASE_DAY SET CASES = CASES + ?, IN_TIME = IN_TIME + ?, TIMED = TIMED + ?, ONE_VISIT = ONE_VISIT + ?"
                + " WHERE DISTRICT = ? AND DEPT_CODE = ? AND DAY = ? AND CHANNEL = ? AND STATUS = ?", "INSERT INTO HUB_CASE_DAY (CASES, IN_TIME,"
                + " TIMED, ONE_VISIT, DISTRICT, DEPT_CODE, DAY, CHANNEL, STATUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", dayRows);
        List<Object[]> sumRows = new ArrayList<>();
        for (Map.Entry<SumKey, long[]> e : sums.entrySet()) {
            long[] n = e.getValue();
            SumKey k = e.getKey();
            // a case that only moved leaves its row's counts as they were: no write (the name follows with the next new case)
            if (!unchanged(n)) {
                sumRows.add(new Object[] {n[0], n[1], n[2], n[3], n[4], departmentNames.get(k), district, k.department(), k.channel()});
            }
        }
        addAll(c, "UPDATE HUB_CASE_SUM SET CASES = CASES + ?, IN_TIME = IN_TIME + ?, TIMED = TIMED + ?, DELIVERED = DELIVERED + ?,"
                + " ONE_VISIT = ONE_VISIT + ?, DEPT_NAME = COALESCE(CAST(? AS VARCHAR(100)), DEPT_NAME) WHERE DISTRICT = ? AND DEPT_CODE = ?"
                + " AND CHANNEL = ?", "INSERT INTO HUB_CASE_SUM (CASES, IN_TIME, TIMED, DELIVERED, ONE_VISIT, DEPT_NAME, DISTRICT, DEPT_CODE,"
                + " CHANNEL) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", sumRows);
        if (newCases > 0) {
            Jdbc.update(c, "UPDATE HUB_DISTRICT SET CASES = CASES + ? WHERE CODE = ?", newCases, district);
        }
    }

    /**
     * Adds to the rows the updates find, and makes the others: both statements take the same values in the same order.
     * The rows are the district's own, which no other transaction writes meanwhile (the batch holds the district's row),
     * so a row no update found is still missing when it is inserted.
     */
    private static void addAll(Connection c, String update, String insert, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int[] found;
        try (PreparedStatement s = c.prepareStatement(update)) {
            for (Object[] row : rows) {
                Jdbc.bind(s, row);
                s.addBatch();
            }
            found = s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(insert)) {
            boolean any = false;
            for (int i = 0; i < rows.size(); i++) {
                // Derby and PostgreSQL count each update; a driver that cannot (SUCCESS_NO_INFO) has its row taken as found
                if (found[i] == 0) {
                    Jdbc.bind(s, rows.get(i));
                    s.addBatch();
                    any = true;
                }
            }
            if (any) {
                s.executeBatch();
            }
        }
    }

    private SumKey sumKey(Counted c) {
        return new SumKey(blank(c.departmentCode()), blank(c.channel()));
    }

    private static boolean unchanged(long[] counts) {
        for (long n : counts) {
            if (n != 0) {
                return false;
            }
        }
        return true;
    }

    /** The day a case was taken in, as the migration's {@code CAST(CREATED_AT AS DATE)} reads the same column. */
    static LocalDate day(Timestamp createdAt) {
        return createdAt == null ? LocalDate.EPOCH : createdAt.toLocalDateTime().toLocalDate();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private record DayKey(String department, LocalDate day, String channel, String status) {
    }

    private record SumKey(String department, String channel) {
    }
}
