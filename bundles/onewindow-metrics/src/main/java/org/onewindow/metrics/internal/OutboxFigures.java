package org.onewindow.metrics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * The relay's outbox (intake's {@code CASE_HANDOVER}): the handovers still open (PENDING, RETRYING, DEAD) by department
 * and state, and how long the oldest of a department has waited. Only open handovers are read, through the index on
 * the state, so the cost does not grow with the handovers done.
 */
final class OutboxFigures extends DatabaseFigures {
    static final String QUERY = "SELECT DEPT_CODE, STATE, COUNT(*), MIN(CREATED_AT) FROM CASE_HANDOVER"
            + " WHERE STATE IN ('PENDING', 'RETRYING', 'DEAD') GROUP BY DEPT_CODE, STATE";
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge oldest;

    OutboxFigures(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        open = MultiGauge.builder("onewindow.relay.outbox").description("Handovers to departments not yet done, by department and state"
                + " (PENDING: waiting, RETRYING: failed at least once, DEAD: gave up, waits for an administrator)").register(registry);
        oldest = MultiGauge.builder("onewindow.relay.outbox.oldest.age").baseUnit("seconds")
                .description("How long the oldest open handover of a department has waited").register(registry);
    }

    @Override
    void read(Connection c) throws SQLException {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        Map<String, Timestamp> oldestByDepartment = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(QUERY); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String department = r.getString(1);
                rows.add(MultiGauge.Row.of(Tags.of("department", department, "state", r.getString(2)), r.getLong(3)));
                Timestamp created = r.getTimestamp(4);
                oldestByDepartment.merge(department, created, (a, b) -> a.before(b) ? a : b);
            }
        }
        long now = clock.millis();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        oldestByDepartment.forEach((department, created) -> ages.add(MultiGauge.Row.of(Tags.of("department", department),
                Math.max(0, now - created.getTime()) / 1000.0)));
        open.register(rows, true);
        oldest.register(ages, true);
    }

    @Override
    void absent() {
        open.register(List.of(), true);
        oldest.register(List.of(), true);
    }
}
