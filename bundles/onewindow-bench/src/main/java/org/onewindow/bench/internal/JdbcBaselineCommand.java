package org.onewindow.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(pool.submit(() -> insertUntil(worker, end)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : workers) {
            for (long n : f.get()) {
                all.add(n);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("raw JDBC inserts, %d threads: %.0f rows/s, p50 %.2f ms, p99 %.2f ms (%d rows in %.1f s)%n", threads,
                sorted.length / elapsed, pct(sorted, 0.50), pct(sorted, 0.99), sorted.length, elapsed);
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

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
