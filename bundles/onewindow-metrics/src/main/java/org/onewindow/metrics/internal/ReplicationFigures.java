package org.onewindow.metrics.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * A district's replication to the city hub (replication's {@code REPL_LINK} and the journal): the records the hub has
 * not acknowledged, how long the oldest of them has waited (the lag), whether the last attempt failed, and when the
 * district last shipped. Two lookups by primary key.
 */
final class ReplicationFigures extends DatabaseFigures {
    static final String LINK = "SELECT ACKED_SEQ, LAST_SHIPPED_AT, LAST_ERROR FROM REPL_LINK WHERE ID = 1";
    static final String WRITTEN = "SELECT WRITTEN_AT FROM OW_JOURNAL WHERE SEQ = ?";
    private final Clock clock;
    private volatile double backlog = Double.NaN;
    private volatile double lag = Double.NaN;
    private volatile double failing = Double.NaN;
    private volatile double lastShipped = Double.NaN;

    ReplicationFigures(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("onewindow.replication.backlog", this, f -> f.backlog).baseUnit("records")
                .description("Journal records the city hub has not acknowledged (the journal's last number less the hub's acknowledgement)")
                .register(registry);
        Gauge.builder("onewindow.replication.lag", this, f -> f.lag).baseUnit("seconds")
                .description("How long the oldest record the hub has not acknowledged has waited; 0 when the hub has everything")
                .register(registry);
        Gauge.builder("onewindow.replication.link.failing", this, f -> f.failing)
                .description("1 while the last exchange with the city hub failed, else 0").register(registry);
        Gauge.builder("onewindow.replication.last.shipped.timestamp", this, f -> f.lastShipped).baseUnit("seconds")
                .description("When the district last shipped to the hub (Unix time)").register(registry);
    }

    @Override
    void read(Connection c) throws SQLException {
        long last = JournalFigures.single(c, JournalFigures.LAST);
        try (PreparedStatement s = c.prepareStatement(LINK); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                absent(); // not federated
                return;
            }
            long acked = r.getLong(1);
            Timestamp shipped = r.getTimestamp(2);
            failing = r.getString(3) == null ? 0 : 1;
            lastShipped = shipped == null ? Double.NaN : shipped.getTime() / 1000.0;
            backlog = Math.max(0, last - acked);
            lag = 0;
            if (last > acked) {
                try (PreparedStatement w = c.prepareStatement(WRITTEN)) {
                    w.setLong(1, acked + 1);
                    try (ResultSet written = w.executeQuery()) {
                        if (written.next()) {
                            lag = Math.max(0, clock.millis() - written.getTimestamp(1).getTime()) / 1000.0;
                        }
                    }
                }
            }
        }
    }

    @Override
    void absent() {
        backlog = Double.NaN;
        lag = Double.NaN;
        failing = Double.NaN;
        lastShipped = Double.NaN;
    }
}
