package org.onewindow.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;

import javax.sql.DataSource;

/**
 * Plain JDBC transactions, for tables kept without JPA: the city hub's (the same SQL on Derby and
 * PostgreSQL, batches applied a statement per table) and the district's link to it.
 */
public final class Jdbc {

    /** Work inside one transaction. */
    public interface Work<R> {
        R run(Connection c) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back whole if it throws. */
    public static <R> R tx(DataSource dataSource, Work<R> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database: " + e.getMessage(), e);
        }
    }

    public static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            return s.executeUpdate();
        }
    }

    /** Sets the parameters in order; an {@link Instant} as a timestamp. */
    public static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            s.setObject(i + 1, v instanceof Instant ? Timestamp.from((Instant) v) : v);
        }
    }

    /** {@code n} parameter markers for an {@code IN (...)} list: {@code "?, ?, ?"}. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public static String instant(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
