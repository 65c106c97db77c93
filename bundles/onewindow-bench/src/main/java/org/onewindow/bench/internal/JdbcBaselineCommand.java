package org.onewindow.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.BundleContext;

/**
 * {@code onewindow:bench-jdbc}: the raw rate of durable single-row inserts into the appliance's own
 * Derby database, each in its own committed transaction, at a given concurrency: the ceiling that
 * the intake benchmark is measured against.
 */
@Command(scope = "onewindow", name = "bench-jdbc", description = "Raw durable single-row JDBC inserts into the appliance database")
@Service
public class JdbcBaselineCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    @Reference
    BundleContext context;

    @Option(name = "-t", aliases = "--threads", description = "Concurrent writers")
    int threads = 8;

    @Option(name = "-d", aliases = "--seconds", description = "How long to insert")
    int seconds = 10;

    @Override
    public Object execute() throws Exception {
        migrations.migrate("bench", context.getBundle(), "db/migration/bench");
        ConcurrentWriters.Figures f = ConcurrentWriters.run(threads, seconds, this::insertUntil);
        System.out.printf("raw JDBC inserts, %d threads: %.0f rows/s, p50 %.2f ms, p99 %.2f ms (%d rows in %.1f s)%n", threads,
                f.perSecond(), f.p50Millis(), f.p99Millis(), f.writes(), f.seconds());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM BENCH_ROW");
        }
        return null;
    }

    private long[] insertUntil(int worker, long end) throws SQLException {
        List<Long> times = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO BENCH_ROW (WORKER, PAYLOAD, CREATED_AT) VALUES (?, ?, ?)")) {
            c.setAutoCommit(true);
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                ps.setInt(1, worker);
                ps.setString(2, "441302-20261128-" + times.size() + " 户口迁入登记 张三");
                ps.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                ps.executeUpdate();
                times.add(System.nanoTime() - t);
            }
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }
}
