package org.onewindow.evaluation.internal.rectification;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.RectificationDTO;
import org.onewindow.evaluation.RectificationState;
import org.onewindow.evaluation.internal.ratings.RatingStore;

/** Rectifications in the caller's transaction: opened with their bad rating, read with it. */
public final class RectificationStore {
    private RectificationStore() {
    }

    /** A rectification with its rating ({@link #read}). */
    public static final String SELECT = "SELECT " + RatingStore.columns("r.") + ", x.ID, x.STATE, x.OPENED_AT, x.VERIFY_DUE, x.VERIFIED_AT,"
            + " x.VERIFIED_BY, x.VERIFY_LATE, x.JUSTIFIED, x.EVIDENCE, x.PUT_RIGHT_DUE, x.PUT_RIGHT_AT, x.PUT_RIGHT_BY, x.PUT_RIGHT_LATE,"
            + " x.ACTION_TAKEN, x.FOLLOW_UP_DUE, x.FOLLOWED_UP_AT, x.FOLLOWED_UP_BY, x.FOLLOW_UP_LATE, x.FOLLOW_UP_CHANNEL, x.OUTCOME,"
            + " x.SATISFIED FROM EVAL_RECTIFICATION x JOIN EVAL_RATING r ON r.ID = x.RATING_ID";

    /** The rectifications {@code sql} (from {@link #SELECT}) finds, their cards as of {@code today}. */
    public static List<RectificationDTO> read(Connection c, String sql, LocalDate today, Object... values) throws SQLException {
        List<RectificationDTO> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, values);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(RectificationRows.read(r, RatingStore.read(r), today));
                }
            }
        }
        return out;
    }


    /** A rectification as another copy holds it (the city hub's, after a restore), for the rating {@code ratingId}. */
    public static void insert(Connection c, long ratingId, String departmentCode, RectificationDTO x) throws SQLException {
        RectificationDTO.Step v = x.verify();
        RectificationDTO.Step p = x.putRight();
        RectificationDTO.Step f = x.followUp();
        Jdbc.update(c, "INSERT INTO EVAL_RECTIFICATION (RATING_ID, DEPT_CODE, STATE, OPENED_AT, VERIFY_DUE, VERIFIED_AT, VERIFIED_BY, VERIFY_LATE,"
                + " JUSTIFIED, EVIDENCE, PUT_RIGHT_DUE, PUT_RIGHT_AT, PUT_RIGHT_BY, PUT_RIGHT_LATE, ACTION_TAKEN, FOLLOW_UP_DUE, FOLLOWED_UP_AT,"
                + " FOLLOWED_UP_BY, FOLLOW_UP_LATE, FOLLOW_UP_CHANNEL, OUTCOME, SATISFIED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)", ratingId, departmentCode, x.state().name(), Instant.parse(x.openedAt()), day(v.dueOn()), at(v.at()), v.by(),
                done(v), flag(x.justified()), v.text(), p == null ? null : day(p.dueOn()), p == null ? null : at(p.at()), p == null ? null : p.by(),
                done(p), p == null ? null : p.text(), f == null ? null : day(f.dueOn()), f == null ? null : at(f.at()), f == null ? null : f.by(),
                done(f), x.followUpChannel(), f == null ? null : f.text(), flag(x.satisfied()));
    }

    private static Date day(String d) {
        return d == null ? null : Date.valueOf(LocalDate.parse(d));
    }

    private static Instant at(String t) {
        return t == null ? null : Instant.parse(t);
    }

    /** A step done keeps whether it was late; one not done has no such mark. */
    private static Integer done(RectificationDTO.Step s) {
        return s == null || s.at() == null ? null : s.late() ? 1 : 0;
    }

    private static Integer flag(Boolean b) {
        return b == null ? null : b ? 1 : 0;
    }

    /** The rectification of a rating, if it has one. */
    public static java.util.Optional<RectificationDTO> ofRating(Connection c, long ratingId, LocalDate today) throws SQLException {
        return read(c, SELECT + " WHERE x.RATING_ID = ?", today, ratingId).stream().findFirst();
    }

    public static void open(Connection c, long ratingId, String departmentCode, Instant now, LocalDate verifyDue) throws SQLException {
        Jdbc.update(c, "INSERT INTO EVAL_RECTIFICATION (RATING_ID, DEPT_CODE, STATE, OPENED_AT, VERIFY_DUE) VALUES (?, ?, ?, ?, ?)", ratingId,
                departmentCode, RectificationState.VERIFY.name(), now, Date.valueOf(verifyDue));
    }
}
