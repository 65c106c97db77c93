package org.onewindow.metrics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Cases by status (intake's {@code CASE_FILE}, one index-only count grouped by status) and the cases taken in so far,
 * whose rate is the intake per hour.
 */
final class CaseFigures extends DatabaseFigures {
    static final String QUERY = "SELECT STATUS, COUNT(*) FROM CASE_FILE GROUP BY STATUS";
    private final MultiGauge byStatus;
    private final AtomicLong total = new AtomicLong();

    CaseFigures(MeterRegistry registry) {
        byStatus = MultiGauge.builder("onewindow.cases").description("Cases in the hall's database by status (DRAFT, ACCEPTED, ...)")
                .register(registry);
        FunctionCounter.builder("onewindow.cases.taken.in", total, AtomicLong::get)
                .description("Cases taken in (every channel) since the database began: rate(...[1h]) * 3600 is the intake per hour")
                .register(registry);
    }

    @Override
    void read(Connection c) throws SQLException {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        long sum = 0;
        try (PreparedStatement s = c.prepareStatement(QUERY); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long n = r.getLong(2);
                sum += n;
                rows.add(MultiGauge.Row.of(Tags.of("status", r.getString(1)), n));
            }
        }
        byStatus.register(rows, true);
        total.set(sum);
    }

    @Override
    void absent() {
        byStatus.register(List.of(), true);
    }
}
