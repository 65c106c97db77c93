package org.onewindow.bench.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.supervision.RunDTO;
import org.onewindow.supervision.SupervisionService;

/**
 * {@code onewindow:bench-supervision}: fills the case table with synthetic open cases (numbers
 * {@code BENCH-...}, deadlines spread around today, so that all three colours occur), times the
 * supervision run over them, and removes them again. Writes the intake table directly: a bench aid,
 * never installed in a hall.
 */
@Command(scope = "onewindow", name = "bench-supervision", description = "Times the supervision run over many synthetic open cases")
@Service
public class SupervisionBenchCommand implements Action {
    private static final String PREFIX = "BENCH-";

    @Reference(filter = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SupervisionService supervision;

    @Option(name = "-n", aliases = "--cases", description = "Synthetic open cases")
    int cases = 100_000;

    @Option(name = "-r", aliases = "--runs", description = "Runs to time after the first")
    int runs = 3;

    @Option(name = "--keep", description = "Keep the synthetic cases afterwards")
    boolean keep;

    @Override
    public Object execute() throws Exception {
        remove();
        long t0 = System.nanoTime();
        insert();
        System.out.printf("inserted %d synthetic open cases in %.1f s%n", cases, (System.nanoTime() - t0) / 1e9);
        Instant now = Instant.now();
        report("first run (all cards new)", now);
        for (int i = 0; i < runs; i++) {
            report("steady run " + (i + 1) + " (nothing changed)", now);
        }
        report("next day (days left change)", now.plusSeconds(86_400));
        if (!keep) {
            remove();
            supervision.run(Instant.now());
        }
        return null;
    }

    private void report(String what, Instant clock) {
        long t = System.nanoTime();
        RunDTO run = supervision.run(clock);
        System.out.printf("%-32s %5d ms wall (%d ms inside), %d open, %d yellow, %d red, %d cards written%n", what,
                (System.nanoTime() - t) / 1_000_000, run.millis, run.openCases, run.yellow, run.red, run.changed);
    }

    private void insert() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Random random = new Random(7);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_FILE (CASE_NO, ITEM_CODE, ITEM_VERSION, ITEM_NAME,"
                        + " DEPT_CODE, DEPT_NAME, TIME_LIMIT_DAYS, CHANNEL, STATUS, APPLICANT_ID_TYPE, APPLICANT_ID, APPLICANT_NAME,"
                        + " VISITS, CREATED_AT, CREATED_BY, UPDATED_AT, ACCEPTED_ON, DEADLINE, ROUTE)"
                        + " VALUES (?, ?, 1, '户口迁入登记', ?, '区公安分局', 20, 'WINDOW', 'IN_REVIEW', 'RESIDENT_ID', '441302199003071238',"
                        + " '张三', 1, ?, 'bench', ?, ?, ?, 'LOCAL')")) {
            c.setAutoCommit(false);
            for (int i = 0; i < cases; i++) {
                int offset = random.nextInt(40) - 10;
                ps.setString(1, PREFIX + i);
                ps.setString(2, "BENCH-" + (i % 50));
                ps.setString(3, "D" + (i % 16));
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
                ps.setDate(6, Date.valueOf(today.minusDays(28 - offset)));
                ps.setDate(7, Date.valueOf(today.plusDays(offset)));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private void remove() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM SUPERVISION_CARD WHERE CASE_NO LIKE '" + PREFIX + "%'");
            st.executeUpdate("DELETE FROM CASE_FILE WHERE CASE_NO LIKE '" + PREFIX + "%'");
        }
    }
}
