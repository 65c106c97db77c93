package org.onewindow.bench.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.evaluation.EvaluationFigures;
import org.onewindow.evaluation.FigureDimension;
import org.onewindow.security.Actor;

/**
 * {@code onewindow:bench-ratings}: fills the evaluation's tables with synthetic services and ratings spread over the past
 * year (20 departments, 40 windows, 4 channels, one in five services unrated, one rating in 50 bad), in transactions of
 * {@code --chunk}, straight into the tables: a bench aid, never in a hall. Then times the figures as supervisors ask for
 * them: a department's month, the whole hall's month by department and by clerk, a department's year. With {@code --pads},
 * it also leaves {@code --per-pad} fresh services at each of windows 1..pads for the pads' benchmark to rate
 * ({@code PAD-<run>-W<window>-<i>}).
 */
@Command(scope = "onewindow", name = "bench-ratings", description = "Fills synthetic ratings and times the 好差评 figures over them")
@Service
public class RatingBenchCommand implements Action {
    private static final Actor SUPERVISOR = new Actor("bench", Set.of("supervisor"), Set.of());
    private static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    private static final String[] CHANNELS = {"PAD", "PAD", "KIOSK", "ONLINE", "SMS"};

    @Option(name = "-n", aliases = "--ratings", description = "Synthetic ratings to add")
    int ratings = 1_000_000;

    @Option(name = "--chunk", description = "Rows per transaction")
    int chunk = 20_000;

    @Option(name = "--lookups", description = "Timed figures of each kind")
    int lookups = 200;

    @Option(name = "--pads", description = "Windows 1..pads get fresh services for the pads' benchmark")
    int pads = 0;

    @Option(name = "--per-pad", description = "Fresh services per pad window")
    int perPad = 40;

    @Option(name = "--run", description = "A name for this run's case numbers")
    String run = "R" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase();

    @Reference(filter = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    EvaluationFigures figures;

    @Override
    public Object execute() throws Exception {
        if (ratings > 0) {
            long t0 = System.nanoTime();
            fill();
            System.out.printf("filled %d ratings (and %d services) in %.1f s%n", ratings, ratings + ratings / 4, (System.nanoTime() - t0) / 1e9);
        }
        if (lookups > 0) {
            LocalDate today = LocalDate.now(HALL);
            String monthStart = today.withDayOfMonth(1).toString();
            time("a department's month (D07)", () -> figures.figures(monthStart, today.toString(), FigureDimension.DEPARTMENT, "D07", SUPERVISOR));
            time("a department's month by clerk (D07)", () -> figures.figures(monthStart, today.toString(), FigureDimension.CLERK, "D07", SUPERVISOR));
            time("the hall's month by department", () -> figures.figures(monthStart, today.toString(), FigureDimension.DEPARTMENT, null, SUPERVISOR));
            time("the hall's month by clerk", () -> figures.figures(monthStart, today.toString(), FigureDimension.CLERK, null, SUPERVISOR));
            time("a department's year by month (D07)", () -> figures.figures(today.minusDays(365).toString(), today.toString(), FigureDimension.MONTH,
                    "D07", SUPERVISOR));
        }
        if (pads > 0) {
            padServices();
            System.out.printf("%d fresh services at each of windows 1-%d: PAD-%s-W<window>-<i>%n", perPad, pads, run);
        }
        return null;
    }

    private void time(String what, Runnable ask) {
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            long t = System.nanoTime();
            ask.run();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-40s %d asks: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, lookups, nanos[lookups / 2] / 1e6,
                nanos[Math.min(lookups - 1, (int) Math.ceil(lookups * 0.99) - 1)] / 1e6, nanos[lookups - 1] / 1e6);
    }

    /** Services and ratings in the past 365 days, evenly; a fifth more services than ratings. */
    private void fill() throws SQLException {
        Random random = new Random(7);
        int services = ratings + ratings / 4;
        ZonedDateTime now = ZonedDateTime.now(HALL);
        for (int done = 0; done < services; done += chunk) {
            int n = Math.min(chunk, services - done);
            int from = done;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement service = c.prepareStatement("INSERT INTO EVAL_SERVICE (CASE_NO, STAGE, KIND, FINAL, ITEM_CODE, ITEM_NAME,"
                        + " DEPT_CODE, DEPT_NAME, WINDOW_NO, CLERK, SERVED_AT, SERVED_DAY, RATED) VALUES (?, 'ACCEPTANCE', 'WINDOW', 0, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)");
                        PreparedStatement rating = c.prepareStatement("INSERT INTO EVAL_RATING (SERVICE_ID, CASE_NO, STAGE, KIND, CHANNEL, SCORE,"
                                + " INDICATORS, REASONS, REASONS_VERSION, ITEM_CODE, ITEM_NAME, DEPT_CODE, DEPT_NAME, WINDOW_NO, CLERK, SERVED_AT, RATED_AT,"
                                + " RATED_DAY, MALICIOUS) VALUES ((SELECT ID FROM EVAL_SERVICE WHERE CASE_NO = ? AND STAGE = 'ACCEPTANCE'), ?,"
                                + " 'ACCEPTANCE', 'WINDOW', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                    for (int i = 0; i < n; i++) {
                        int k = from + i;
                        String caseNo = "BENCH-" + run + "-" + k;
                        int dept = random.nextInt(20);
                        int window = 1 + random.nextInt(40);
                        ZonedDateTime at = now.minusSeconds((long) (random.nextDouble() * 365 * 86400));
                        Timestamp served = Timestamp.from(at.toInstant());
                        boolean rated = k % 5 != 4;
                        service.setString(1, caseNo);
                        service.setString(2, "ITEM-" + dept + "-" + random.nextInt(30));
                        service.setString(3, "事项" + dept);
                        service.setString(4, String.format("D%02d", dept));
                        service.setString(5, "部门" + dept);
                        service.setInt(6, window);
                        service.setString(7, "clerk" + window);
                        service.setTimestamp(8, served);
                        service.setDate(9, Date.valueOf(at.toLocalDate()));
                        service.setInt(10, rated ? 1 : 0);
                        service.addBatch();
                        if (rated) {
                            int score = random.nextInt(50) == 0 ? 1 + random.nextInt(2) : 3 + random.nextInt(3);
                            rating.setString(1, caseNo);
                            rating.setString(2, caseNo);
                            rating.setString(3, CHANNELS[random.nextInt(CHANNELS.length)]);
                            rating.setInt(4, score);
                            rating.setString(5, "OVERALL=" + score);
                            rating.setString(6, score <= 2 ? "SLOW" : null);
                            rating.setString(7, "ITEM-" + dept);
                            rating.setString(8, "事项" + dept);
                            rating.setString(9, String.format("D%02d", dept));
                            rating.setString(10, "部门" + dept);
                            rating.setInt(11, window);
                            rating.setString(12, "clerk" + window);
                            rating.setTimestamp(13, served);
                            rating.setTimestamp(14, served);
                            rating.setDate(15, Date.valueOf(at.toLocalDate()));
                            rating.addBatch();
                        }
                    }
                    service.executeBatch();
                    rating.executeBatch();
                }
                c.commit();
            }
        }
    }

    private void padServices() throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO EVAL_SERVICE (CASE_NO, STAGE, KIND, FINAL, ITEM_CODE, ITEM_NAME, DEPT_CODE,"
                    + " DEPT_NAME, WINDOW_NO, CLERK, SERVED_AT, SERVED_DAY, RATED) VALUES (?, 'DELIVERY', 'WINDOW', 1, 'ITEM-P', '事项P', 'D00', '部门0',"
                    + " ?, ?, ?, ?, 0)")) {
                for (int w = 1; w <= pads; w++) {
                    for (int i = 0; i < perPad; i++) {
                        s.setString(1, "PAD-" + run + "-W" + w + "-" + i);
                        s.setInt(2, w);
                        s.setString(3, "clerk" + w);
                        s.setTimestamp(4, now);
                        s.setDate(5, Date.valueOf(LocalDate.now(HALL)));
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
        }
    }
}
