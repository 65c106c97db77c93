package org.onewindow.metrics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * What the city hub knows of each district ({@code HUB_DISTRICT}, one row a district): the records it has not yet
 * received (the district's last journal number as it said, less the hub's acknowledgement), the lag the district
 * reported, how long since it was last heard of, and the districts by state.
 */
final class HubFigures extends DatabaseFigures {
    static final String QUERY = "SELECT CODE, STATE, ACKED_SEQ, JOURNAL_LAST_SEQ, LAG_MILLIS, LAST_CONTACT FROM HUB_DISTRICT";
    private final Clock clock;
    private final MultiGauge backlog;
    private final MultiGauge lag;
    private final MultiGauge silence;
    private final MultiGauge states;

    HubFigures(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        backlog = MultiGauge.builder("onewindow.hub.district.backlog").baseUnit("records")
                .description("Records a district has written that the hub has not acknowledged, by district").register(registry);
        lag = MultiGauge.builder("onewindow.hub.district.lag").baseUnit("seconds")
                .description("The replication lag a district last reported, by district").register(registry);
        silence = MultiGauge.builder("onewindow.hub.district.last.contact.age").baseUnit("seconds")
                .description("Since the hub last heard from a district, by district").register(registry);
        states = MultiGauge.builder("onewindow.hub.districts").description("Districts known to the hub by state (PENDING, ACTIVE, ...)")
                .register(registry);
    }

    @Override
    void read(Connection c) throws SQLException {
        List<MultiGauge.Row<?>> backlogs = new ArrayList<>();
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        List<MultiGauge.Row<?>> silences = new ArrayList<>();
        Map<String, Long> byState = new TreeMap<>();
        long now = clock.millis();
        try (PreparedStatement s = c.prepareStatement(QUERY); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Tags district = Tags.of("district", r.getString(1).strip());
                byState.merge(r.getString(2), 1L, Long::sum);
                backlogs.add(MultiGauge.Row.of(district, Math.max(0, r.getLong(4) - r.getLong(3))));
                long lagMillis = r.getLong(5);
                if (!r.wasNull()) {
                    lags.add(MultiGauge.Row.of(district, lagMillis / 1000.0));
                }
                Timestamp contact = r.getTimestamp(6);
                if (contact != null) {
                    silences.add(MultiGauge.Row.of(district, Math.max(0, now - contact.getTime()) / 1000.0));
                }
            }
        }
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        byState.forEach((state, n) -> stateRows.add(MultiGauge.Row.of(Tags.of("state", state), n)));
        backlog.register(backlogs, true);
        lag.register(lags, true);
        silence.register(silences, true);
        states.register(stateRows, true);
    }

    @Override
    void absent() {
        backlog.register(List.of(), true);
        lag.register(List.of(), true);
        silence.register(List.of(), true);
        states.register(List.of(), true);
    }
}
