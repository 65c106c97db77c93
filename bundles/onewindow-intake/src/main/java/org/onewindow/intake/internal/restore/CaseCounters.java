package org.onewindow.intake.internal.restore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day counters of case numbers ({@code CASE_SEQUENCE}) raised to a number the city has seen: after a restore from an
 * older copy, every case the hub gives back moves its day's counter past its own number, so that no number is issued
 * twice. A counter only ever goes up.
 */
final class CaseCounters {
    private static final Pattern NUMBER = Pattern.compile("(\\d{6})-(\\d{8})-(\\d{4,9})");

    private CaseCounters() {
    }

    /** The day ({@code yyyyMMdd}) and sequence of {@code caseNo} if it is a number of {@code district}'s, else null. */
    static Numbered parse(String district, String caseNo) {
        Matcher m = caseNo == null ? null : NUMBER.matcher(caseNo);
        if (m == null || !m.matches() || !m.group(1).equals(district)) {
            return null;
        }
        return new Numbered(m.group(2), Integer.parseInt(m.group(3)));
    }

    record Numbered(String day, int sequence) {
    }

    /** Raises the day's counter to at least {@code n.sequence()}, inside the caller's transaction. */
    static void raise(Connection c, Numbered n) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE CASE_SEQUENCE SET LAST_VALUE = ? WHERE SEQ_DAY = ? AND LAST_VALUE < ?")) {
            up.setInt(1, n.sequence());
            up.setString(2, n.day());
            up.setInt(3, n.sequence());
            if (up.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement has = c.prepareStatement("SELECT 1 FROM CASE_SEQUENCE WHERE SEQ_DAY = ?")) {
            has.setString(1, n.day());
            if (has.executeQuery().next()) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO CASE_SEQUENCE (SEQ_DAY, LAST_VALUE) VALUES (?, ?)")) {
            in.setString(1, n.day());
            in.setInt(2, n.sequence());
            in.executeUpdate();
        }
    }
}
