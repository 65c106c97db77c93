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
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.ChainReport;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.BundleContext;

/**
 * {@code onewindow:bench-audit}: what the audit trail costs. First a writing transaction as intake's are (one row
 * inserted and committed durably) at a given concurrency, without and then with one audit record appended in it,
 * alternating rounds so that a busy machine weighs on both alike: the writers queue on the trail's head row, which is
 * what the price of a gap-free chain is. Then the trail is filled up to {@code --records} with synthetic reads of a
 * case (in transactions of 10,000), and the whole chain is verified, as {@code onewindow:audit-verify} does.
 */
@Command(scope = "onewindow", name = "bench-audit", description = "Transactions with and without an audit record, then verification of a large trail")
@Service
public class AuditBenchCommand implements Action {
    private static final int FILL_CHUNK = 10_000;

    @Reference(filter = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    AuditTrail trail;

    @Reference
    SchemaMigrations migrations;

    @Reference
    BundleContext context;

    @Option(name = "-t", aliases = "--threads", description = "Concurrent writers")
    int threads = 8;

    @Option(name = "-d", aliases = "--seconds", description = "Length of each round")
    int seconds = 10;

    @Option(name = "-r", aliases = "--rounds", description = "Rounds of each kind")
    int rounds = 2;

    @Option(name = "-n", aliases = "--records", description = "Records in the trail to verify (filled up to this)")
    long records = 1_000_000;

    @Override
    public Object execute() throws Exception {
        migrations.migrate("bench", context.getBundle(), "db/migration/bench");
        for (int round = 1; round <= rounds; round++) {
            for (boolean audited : new boolean[] {false, true}) {
                System.out.printf("round %d, %s: %s%n", round, audited ? "with an audit record" : "without", writeFor(audited));
            }
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM BENCH_ROW");
        }
        fill();
        ChainReport report = trail.verify();
        System.out.printf("verification: %d records checked in %.1f s (%.0f records/s), %s%n", report.checked, report.millis / 1e3,
                report.checked / Math.max(0.001, report.millis / 1e3), report.intact ? "intact" : "BROKEN at " + report.firstBreak());
        return null;
    }

    private String writeFor(boolean audited) throws Exception {
        ConcurrentWriters.Figures f = ConcurrentWriters.run(threads, seconds, (worker, end) -> writeUntil(worker, end, audited));
        return String.format("%d threads, %.0f transactions/s, p50 %.2f ms, p99 %.2f ms (%d in %.1f s)", threads, f.perSecond(), f.p50Millis(),
                f.p99Millis(), f.writes(), f.seconds());
    }

    private long[] writeUntil(int worker, long end, boolean audited) throws SQLException {
        List<Long> times = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO BENCH_ROW (WORKER, PAYLOAD, CREATED_AT) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                String caseNo = "441302-20991231-" + worker + "-" + times.size();
                ps.setInt(1, worker);
                ps.setString(2, caseNo + " 户口迁入登记 张三");
                ps.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                ps.executeUpdate();
                if (audited) {
                    trail.append(c, event(caseNo));
                }
                c.commit();
                times.add(System.nanoTime() - t);
            }
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private void fill() throws SQLException {
        long have = trail.head().lastSeq();
        long started = System.nanoTime();
        long added = 0;
        while (have + added < records) {
            int chunk = (int) Math.min(FILL_CHUNK, records - have - added);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                for (int i = 0; i < chunk; i++) {
                    trail.append(c, event("441302-20991231-F" + (added + i)));
                }
                c.commit();
            }
            added += chunk;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("trail filled with %d records in %.1f s (%.0f appends/s in transactions of %d); it ends at #%d%n", added, elapsed,
                added / Math.max(0.001, elapsed), FILL_CHUNK, trail.head().lastSeq());
    }

    /** A clerk's read of a case, as intake records one: the commonest record of a hall's trail. */
    private static AuditEvent event(String caseNo) {
        return AuditEvent.by("READ_CASE", "bench").roles(List.of("clerk")).client("127.0.0.1").channel("HTTP").on("CASE", caseNo)
                .caseNo(caseNo).citizen("441302199003071238");
    }
}
