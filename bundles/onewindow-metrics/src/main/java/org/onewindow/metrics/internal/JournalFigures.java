package org.onewindow.metrics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The change journal (onewindow-db's {@code OW_JOURNAL}): the last number written and the records kept. Its numbers
 * are gap-free and pruning removes the oldest, so the records kept are the last number less the first kept, read from
 * the primary key's two ends rather than counted.
 */
final class JournalFigures extends DatabaseFigures {
    static final String LAST = "SELECT LAST_SEQ FROM OW_JOURNAL_COUNTER WHERE ID = 1";
    static final String FIRST = "SELECT MIN(SEQ) FROM OW_JOURNAL";
    private final AtomicLong lastSeq = new AtomicLong();
    private final AtomicLong kept = new AtomicLong();

    JournalFigures(MeterRegistry registry) {
        FunctionCounter.builder("onewindow.journal.records.written", lastSeq, AtomicLong::get)
                .description("Records written to the change journal (its last sequence number)").register(registry);
        Gauge.builder("onewindow.journal.records", kept, AtomicLong::get)
                .description("Records the change journal keeps (written and not yet pruned)").register(registry);
    }

    long lastSeq() {
        return lastSeq.get();
    }

    @Override
    void read(Connection c) throws SQLException {
        long last = single(c, LAST);
        long first = single(c, FIRST);
        lastSeq.set(last);
        kept.set(first <= 0 ? 0 : Math.max(0, last - first + 1));
    }

    @Override
    void absent() {
        kept.set(0);
    }

    static long single(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            org.onewindow.db.Jdbc.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }
}
