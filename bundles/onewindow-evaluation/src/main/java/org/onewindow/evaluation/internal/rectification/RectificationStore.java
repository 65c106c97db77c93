package org.onewindow.evaluation.internal.rectification;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.RectificationState;

/** Opens a bad rating's rectification in the rating's own transaction. */
public final class RectificationStore {
    private RectificationStore() {
    }

    public static void open(Connection c, long ratingId, String departmentCode, Instant now, LocalDate verifyDue) throws SQLException {
        Jdbc.update(c, "INSERT INTO EVAL_RECTIFICATION (RATING_ID, DEPT_CODE, STATE, OPENED_AT, VERIFY_DUE) VALUES (?, ?, ?, ?, ?)", ratingId,
                departmentCode, RectificationState.VERIFY.name(), now, Date.valueOf(verifyDue));
    }
}
