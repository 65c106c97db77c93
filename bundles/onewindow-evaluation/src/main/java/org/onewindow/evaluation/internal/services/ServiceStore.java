package org.onewindow.evaluation.internal.services;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;

/** The services that can be rated ({@code EVAL_SERVICE}): written once per case and stage, read by every channel. */
public final class ServiceStore {
    static final String COLUMNS = "ID, CASE_NO, STAGE, KIND, FINAL, ITEM_CODE, ITEM_NAME, DEPT_CODE, DEPT_NAME, WINDOW_NO, CLERK, MOBILE,"
            + " SERVED_AT, SERVED_DAY, RATED";

    private ServiceStore() {
    }

    /** A service as stored. */
    public record Service(long id, String caseNo, Stage stage, ServiceKind kind, boolean finalStage, String itemCode, String itemName,
            String departmentCode, String departmentName, Integer windowNo, String clerk, String mobile, Timestamp servedAt,
            LocalDate servedDay, boolean rated) {
    }

    /**
     * Writes the stage unless it is there; answers its new id, or empty when it was there already. Only a final stage keeps
     * the contact, for its invitation.
     */
    public static Optional<Long> add(Connection c, ServiceRecord r, Integer windowNo, ZoneId zone) throws SQLException {
        if (find(c, r.caseNo(), r.stage()).isPresent()) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO EVAL_SERVICE (CASE_NO, STAGE, KIND, FINAL, ITEM_CODE, ITEM_NAME, DEPT_CODE,"
                + " DEPT_NAME, WINDOW_NO, CLERK, MOBILE, SERVED_AT, SERVED_DAY, RATED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(s, r.caseNo(), r.stage().name(), r.kind().name(), r.finalStage() ? 1 : 0, cut(r.itemCode(), 64), cut(r.itemName(), 200),
                    cut(r.departmentCode(), 64), cut(r.departmentName(), 200), windowNo, cut(r.clerk(), 100), r.finalStage() ? r.mobile() : null, r.at(),
                    Date.valueOf(LocalDate.ofInstant(r.at(), zone)));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        }
    }

    public static Optional<Service> find(Connection c, String caseNo, Stage stage) throws SQLException {
        return one(c, "CASE_NO = ? AND STAGE = ?", caseNo, stage.name());
    }

    public static Optional<Service> byId(Connection c, long id) throws SQLException {
        return one(c, "ID = ?", id);
    }

    /** The services of a case, acceptance first. */
    public static List<Service> ofCase(Connection c, String caseNo) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM EVAL_SERVICE WHERE CASE_NO = ? ORDER BY SERVED_AT", caseNo);
    }

    /** The services of the cases, newest first. */
    public static List<Service> ofCases(Connection c, List<String> caseNos) throws SQLException {
        return caseNos.isEmpty() ? List.of()
                : list(c, "SELECT " + COLUMNS + " FROM EVAL_SERVICE WHERE CASE_NO IN (" + Jdbc.placeholders(caseNos.size())
                        + ") ORDER BY SERVED_AT DESC", caseNos.toArray());
    }

    /** The newest service finished at a window since {@code since} and not yet rated. */
    public static Optional<Service> lastAtWindow(Connection c, int windowNo, Timestamp since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM EVAL_SERVICE WHERE WINDOW_NO = ? AND SERVED_AT >= ?"
                + " ORDER BY SERVED_AT DESC, ID DESC FETCH FIRST 1 ROWS ONLY")) {
            Jdbc.bind(s, windowNo, since);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Service found = read(r);
                return found.rated() ? Optional.empty() : Optional.of(found);
            }
        }
    }

    static List<Service> list(Connection c, String sql, Object... values) throws SQLException {
        List<Service> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
        }
        return out;
    }

    private static Optional<Service> one(Connection c, String where, Object... values) throws SQLException {
        List<Service> found = list(c, "SELECT " + COLUMNS + " FROM EVAL_SERVICE WHERE " + where, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static Service read(ResultSet r) throws SQLException {
        int window = r.getInt(10);
        Integer windowNo = r.wasNull() ? null : window;
        return new Service(r.getLong(1), r.getString(2), Stage.valueOf(r.getString(3)), ServiceKind.valueOf(r.getString(4)), r.getInt(5) == 1,
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), windowNo, r.getString(11), r.getString(12), r.getTimestamp(13),
                r.getDate(14).toLocalDate(), r.getInt(15) == 1);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
