package org.onewindow.evaluation.internal.rectification;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.onewindow.db.Jdbc;
import org.onewindow.evaluation.Card;
import org.onewindow.evaluation.RatingDTO;
import org.onewindow.evaluation.RectificationDTO;
import org.onewindow.evaluation.RectificationState;

/** A rectification read from the columns after its rating's ({@code JdbcRectifications.SELECT}, from column 20). */
final class RectificationRows {
    private RectificationRows() {
    }

    static RectificationDTO read(ResultSet r, RatingDTO rating, LocalDate today) throws SQLException {
        RectificationState state = RectificationState.valueOf(r.getString(21));
        LocalDate verifyDue = day(r.getDate(23));
        LocalDate putRightDue = day(r.getDate(29));
        LocalDate followUpDue = day(r.getDate(34));
        LocalDate due = switch (state) {
            case VERIFY -> verifyDue;
            case PUT_RIGHT -> putRightDue;
            case FOLLOW_UP -> followUpDue;
            case CLOSED -> null;
        };
        Card card = due == null ? null : StepDeadlines.card(due, today);
        RectificationDTO.Step verify = new RectificationDTO.Step(text(verifyDue), r.getString(28), r.getString(25), Jdbc.instant(r.getTimestamp(24)),
                r.getInt(26) == 1);
        RectificationDTO.Step putRight = putRightDue == null ? null
                : new RectificationDTO.Step(text(putRightDue), r.getString(33), r.getString(31), Jdbc.instant(r.getTimestamp(30)), r.getInt(32) == 1);
        RectificationDTO.Step followUp = followUpDue == null ? null
                : new RectificationDTO.Step(text(followUpDue), r.getString(39), r.getString(36), Jdbc.instant(r.getTimestamp(35)), r.getInt(37) == 1);
        int justified = r.getInt(27);
        Boolean isJustified = r.wasNull() ? null : justified == 1;
        int satisfied = r.getInt(40);
        Boolean isSatisfied = r.wasNull() ? null : satisfied == 1;
        return new RectificationDTO(r.getLong(20), rating, state, state.label(), text(due), card, Jdbc.instant(r.getTimestamp(22)), verify,
                putRight, followUp, isJustified, rating.malicious(), r.getString(38), isSatisfied);
    }

    private static LocalDate day(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
