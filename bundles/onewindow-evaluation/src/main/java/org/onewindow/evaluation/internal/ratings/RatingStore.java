package org.onewindow.evaluation.internal.ratings;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.Level;
import org.onewindow.evaluation.RatingChannel;
import org.onewindow.evaluation.RatingDTO;
import org.onewindow.evaluation.ReasonsDTO;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.Stage;
import org.onewindow.evaluation.internal.services.ServiceStore.Service;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/** Ratings ({@code EVAL_RATING}) and the reasons' list ({@code EVAL_REASON}) in the caller's transaction. */
public final class RatingStore {
    static final String COLUMNS = "ID, CASE_NO, STAGE, KIND, CHANNEL, SCORE, INDICATORS, REASONS, REASONS_VERSION, RATING_COMMENT, ITEM_CODE,"
            + " ITEM_NAME, DEPT_CODE, DEPT_NAME, WINDOW_NO, CLERK, SERVED_AT, RATED_AT, MALICIOUS";

    private RatingStore() {
    }

    /**
     * Writes the rating of {@code service}, once: the service is marked rated by a conditional update, so of two ratings at
     * once one is refused ({@code 409 ALREADY_RATED}), and the unique key on the service backs it. Its contact is forgotten.
     */
    public static long add(Connection c, Service service, RatingChannel channel, RatingRules.Checked r, int reasonsVersion, Instant now,
            ZoneId zone) throws SQLException {
        if (Jdbc.update(c, "UPDATE EVAL_SERVICE SET RATED = 1, MOBILE = NULL WHERE ID = ? AND RATED = 0", service.id()) == 0) {
            throw alreadyRated();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO EVAL_RATING (SERVICE_ID, CASE_NO, STAGE, KIND, CHANNEL, SCORE, INDICATORS,"
                + " REASONS, REASONS_VERSION, RATING_COMMENT, ITEM_CODE, ITEM_NAME, DEPT_CODE, DEPT_NAME, WINDOW_NO, CLERK, SERVED_AT, RATED_AT,"
                + " RATED_DAY, MALICIOUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(s, service.id(), service.caseNo(), service.stage().name(), service.kind().name(), channel.name(), r.level().score(),
                    r.indicators(), r.reasons(), reasonsVersion, r.comment(), service.itemCode(), service.itemName(), service.departmentCode(),
                    service.departmentName(), service.windowNo(), service.clerk(), service.servedAt(), now,
                    Date.valueOf(LocalDate.ofInstant(now, zone)));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A rating as another copy holds it (the city hub's, after a restore), for the service {@code serviceId}. */
    public static long insert(Connection c, long serviceId, RatingDTO r, Date ratedDay) throws SQLException {
        String indicators = r.indicators() == null ? null : RatingRules.stored(r.indicators());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO EVAL_RATING (SERVICE_ID, CASE_NO, STAGE, KIND, CHANNEL, SCORE, INDICATORS,"
                + " REASONS, REASONS_VERSION, RATING_COMMENT, ITEM_CODE, ITEM_NAME, DEPT_CODE, DEPT_NAME, WINDOW_NO, CLERK, SERVED_AT, RATED_AT,"
                + " RATED_DAY, MALICIOUS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(s, serviceId, r.caseNo(), r.stage().name(), r.kind().name(), r.channel().name(), r.level(), indicators,
                    r.reasons() == null || r.reasons().isEmpty() ? null : String.join(",", r.reasons()), r.reasonsVersion(), r.comment(), r.itemCode(),
                    r.itemName(), r.departmentCode(), r.departmentName(), r.windowNo(), r.clerk(), Instant.parse(r.servedAt()),
                    Instant.parse(r.ratedAt()), ratedDay, r.malicious() ? 1 : 0);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The columns {@link #read} reads, each prefixed (a table's alias in a join). */
    public static String columns(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }

    public static Problem alreadyRated() {
        return new Problem(ProblemKind.CONFLICT, "ALREADY_RATED", "该环节已评价过，每个办件的每个环节只评价一次");
    }

    public static List<RatingDTO> list(Connection c, String where, Object... values) throws SQLException {
        List<RatingDTO> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM EVAL_RATING " + where)) {
            Jdbc.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
        }
        return out;
    }

    public static RatingDTO read(ResultSet r) throws SQLException {
        int window = r.getInt(15);
        Integer windowNo = r.wasNull() ? null : window;
        Level level = Level.of(r.getInt(6));
        String reasons = r.getString(8);
        return new RatingDTO(r.getLong(1), r.getString(2), Stage.valueOf(r.getString(3)), ServiceKind.valueOf(r.getString(4)),
                RatingChannel.valueOf(r.getString(5)), level.score(), level.label(), RatingRules.indicators(r.getString(7)),
                reasons == null ? List.of() : List.of(reasons.split(",")), r.getInt(9), r.getString(10), r.getString(11), r.getString(12),
                r.getString(13), r.getString(14), windowNo, r.getString(16), Jdbc.instant(r.getTimestamp(17)), Jdbc.instant(r.getTimestamp(18)),
                r.getInt(19) == 1);
    }

    /** The newest version of the reasons' list. */
    public static ReasonsDTO reasons(Connection c) throws SQLException {
        List<ReasonsDTO> newest = reasonVersions(c, " WHERE VERSION = (SELECT MAX(VERSION) FROM EVAL_REASON)");
        return newest.isEmpty() ? new ReasonsDTO(0, List.of()) : newest.get(0);
    }

    /** The versions of the reasons' list {@code where} selects, newest first. */
    static List<ReasonsDTO> reasonVersions(Connection c, String where) throws SQLException {
        Map<Integer, List<ReasonsDTO.ReasonDTO>> byVersion = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT VERSION, CODE, LABEL, KIND FROM EVAL_REASON" + where
                + " ORDER BY VERSION DESC, SORT_ORDER"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String kind = r.getString(4);
                byVersion.computeIfAbsent(r.getInt(1), v -> new ArrayList<>())
                        .add(new ReasonsDTO.ReasonDTO(r.getString(2), r.getString(3), kind == null ? null : ServiceKind.valueOf(kind)));
            }
        }
        List<ReasonsDTO> out = new ArrayList<>();
        byVersion.forEach((version, list) -> out.add(new ReasonsDTO(version, List.copyOf(list))));
        return out;
    }
}
