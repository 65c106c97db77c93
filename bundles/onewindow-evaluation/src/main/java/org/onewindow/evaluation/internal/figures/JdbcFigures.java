package org.onewindow.evaluation.internal.figures;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.EvaluationFigures;
import org.onewindow.evaluation.FigureDimension;
import org.onewindow.evaluation.FigureRowDTO;
import org.onewindow.evaluation.FiguresDTO;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.internal.DepartmentScope;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.evaluation.internal.Periods;
import org.onewindow.problem.Problem;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link EvaluationFigures} by grouping queries: the ratings of the period by the day they were given, the services by the
 * day they were done (the rating rate is the share of those services rated so far), the rectifications of the period's
 * ratings. Three grouped reads over indexed days, merged by key.
 */
@Component(service = EvaluationFigures.class)
public class JdbcFigures implements EvaluationFigures {
    private static final Set<String> READERS = Set.of("supervisor", "admin");

    @Reference
    EvaluationStore store;

    /** The unit tests' way in. */
    public static JdbcFigures of(EvaluationStore store) {
        JdbcFigures f = new JdbcFigures();
        f.store = store;
        return f;
    }

    @Override
    public FiguresDTO figures(String from, String to, FigureDimension by, String department, Actor actor) {
        actor.requireAny(READERS);
        List<String> depts = new ArrayList<>();
        if (department != null && !department.isBlank()) {
            if (!actor.departments().isEmpty() && !actor.worksFor(department)) {
                throw Problem.notFound("DEPARTMENT_NOT_YOURS", "您不属于部门 " + department);
            }
            depts.add(department.strip());
        } else {
            depts.addAll(DepartmentScope.of(actor));
        }
        return compute(Periods.of(from, to, store.today()), by == null ? FigureDimension.DEPARTMENT : by, depts,
                department == null || department.isBlank() ? null : department.strip());
    }

    @Override
    public FiguresDTO hall(String from, String to, FigureDimension by) {
        FigureDimension d = by == null ? FigureDimension.DEPARTMENT : by;
        if (d != FigureDimension.DEPARTMENT && d != FigureDimension.MONTH && d != FigureDimension.ITEM) {
            throw Problem.badRequest("INVALID_DIMENSION", "公开评价只按部门、事项或月份统计");
        }
        return compute(Periods.of(from, to, store.today()), d, List.of(), null);
    }

    private FiguresDTO compute(Periods.Period p, FigureDimension by, List<String> depts, String department) {
        return store.tx(c -> {
            FigureRowDTO total = rows(c, p, FigureSql.total(), FigureSql.total(), false, depts).values().stream().findFirst()
                    .orElse(empty("ALL"));
            Map<String, FigureRowDTO> rows = rows(c, p, FigureSql.of(by, "RATED_DAY"), FigureSql.of(by, "SERVED_DAY"),
                    by == FigureDimension.CHANNEL, depts);
            return new FiguresDTO(p.from().toString(), p.to().toString(), by, department, total, List.copyOf(rows.values()));
        });
    }

    /** Counts of one grouping, by key. */
    private record Counts(String label, long ratings, long satisfied, long scoreSum, long bad, long malicious) {
    }

    private Map<String, FigureRowDTO> rows(Connection c, Periods.Period p, FigureSql rated, FigureSql served, boolean noServices,
            List<String> depts) throws SQLException {
        // sums over SMALLINT columns are counted as INTEGER or BIGINT: Derby keeps a SUM in its column's type
        List<Object> values = new ArrayList<>(List.of(Date.valueOf(p.from()), Date.valueOf(p.to())));
        values.addAll(depts);
        Map<String, Counts> ratings = new TreeMap<>();
        query(c, ratingsSql(rated, depts.size()), values, r -> ratings.put(key(r),
                new Counts(r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7))));
        Map<String, long[]> services = new TreeMap<>();
        Map<String, String> serviceLabels = new TreeMap<>();
        if (!noServices) {
            query(c, servicesSql(served, depts.size()), values, r -> {
                        services.put(key(r), new long[] {r.getLong(3), r.getLong(4)});
                        serviceLabels.put(key(r), r.getString(2));
                    });
        }
        String rDept = inDepartments("r.", depts.size());
        Map<String, long[]> rectified = new TreeMap<>();
        query(c, "SELECT " + prefixed(rated.key()) + ", COUNT(*), SUM(CASE WHEN COALESCE(x.VERIFY_LATE, 0) + COALESCE(x.PUT_RIGHT_LATE, 0)"
                + " + COALESCE(x.FOLLOW_UP_LATE, 0) = 0 THEN 1 ELSE 0 END) FROM EVAL_RECTIFICATION x JOIN EVAL_RATING r ON r.ID = x.RATING_ID"
                + " WHERE r.RATED_DAY BETWEEN ? AND ?" + rDept + " AND x.STATE = 'CLOSED' AND r.MALICIOUS = 0 GROUP BY " + prefixed(rated.key()),
                values, r -> rectified.put(key(r), new long[] {r.getLong(2), r.getLong(3)}));
        Map<String, FigureRowDTO> out = new LinkedHashMap<>();
        Set<String> keys = new java.util.TreeSet<>(ratings.keySet());
        keys.addAll(services.keySet());
        for (String k : keys) {
            Counts n = ratings.getOrDefault(k, new Counts(serviceLabels.get(k), 0, 0, 0, 0, 0));
            long[] s = services.get(k);
            long[] x = rectified.getOrDefault(k, new long[2]);
            out.put(k, new FigureRowDTO(k, label(rated, n.label() == null ? serviceLabels.get(k) : n.label(), k), noServices ? null : s == null ? 0L : s[0],
                    n.ratings(), n.satisfied(), rate(n.satisfied(), n.ratings()), n.ratings() == 0 ? null : round((double) n.scoreSum() / n.ratings()),
                    noServices || s == null ? null : rate(s[1], s[0]), n.bad(), n.malicious(), x[0], rate(x[0], n.bad()), x[1], rate(x[1], x[0])));
        }
        return out;
    }

    /**
     * The ratings of a period counted by {@code rated}'s key, of {@code depts} departments (none: all). Every column it
     * names is in IX_EVAL_RATING_DEPT and IX_EVAL_RATING_DAY (migration V3), so Derby counts from the index alone.
     */
    static String ratingsSql(FigureSql rated, int depts) {
        return "SELECT " + rated.key() + ", " + rated.label() + ", SUM(CASE WHEN MALICIOUS = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN MALICIOUS = 0 AND SCORE >= 4 THEN 1 ELSE 0 END), SUM(CASE WHEN MALICIOUS = 0 THEN CAST(SCORE AS BIGINT) ELSE 0 END),"
                + " SUM(CASE WHEN MALICIOUS = 0 AND SCORE <= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN MALICIOUS = 1 THEN 1 ELSE 0 END)"
                + " FROM EVAL_RATING WHERE RATED_DAY BETWEEN ? AND ?" + inDepartments("", depts) + groupBy(rated.key());
    }

    /** The services of a period and how many were rated, likewise from IX_EVAL_SERVICE_DEPT or IX_EVAL_SERVICE_DAY alone. */
    static String servicesSql(FigureSql served, int depts) {
        return "SELECT " + served.key() + ", " + served.label() + ", COUNT(*), SUM(CASE WHEN RATED = 1 THEN 1 ELSE 0 END) FROM EVAL_SERVICE"
                + " WHERE SERVED_DAY BETWEEN ? AND ?" + inDepartments("", depts) + groupBy(served.key());
    }

    private static String label(FigureSql sql, String label, String key) {
        if ("CHANNEL".equals(sql.key()) && key != null) {
            return RatingChannel.valueOf(key).label();
        }
        return label == null ? "—" : label;
    }

    /** One department as an equality, so that the department's index leads; several as a list. */
    private static String inDepartments(String alias, int depts) {
        if (depts == 0) {
            return "";
        }
        return depts == 1 ? " AND " + alias + "DEPT_CODE = ?" : " AND " + alias + "DEPT_CODE IN (" + Jdbc.placeholders(depts) + ")";
    }

    /** The whole period is one row without a grouping. */
    private static String groupBy(String key) {
        return key.startsWith("'") ? "" : " GROUP BY " + key;
    }

    private static String prefixed(String key) {
        return key.startsWith("'") ? key : key.replaceAll("\\b(RATED_DAY|DEPT_CODE|ITEM_CODE|WINDOW_NO|CLERK|CHANNEL)\\b", "r.$1");
    }

    private static String key(ResultSet r) throws SQLException {
        String k = r.getString(1);
        return k == null ? "—" : k;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, List<Object> values, RowReader reader) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, values.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static FigureRowDTO empty(String key) {
        return new FigureRowDTO(key, key, 0L, 0, 0, null, null, null, 0, 0, 0, null, 0, null);
    }
}
