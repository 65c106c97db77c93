package org.onewindow.evaluation.internal.rectification;

import java.time.LocalDate;

import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.evaluation.Card;

/**
 * The due days of a rectification's steps by the official calendar: 核实 {@code verifyDays} working days after the bad
 * rating, 整改 {@code putRightDays} after the verification, 回访 {@code followUpDays} after the step before it. A step is
 * yellow on its due day and red after it, as a case's deadline.
 */
public record StepDeadlines(WorkingCalendar calendar, int verifyDays, int putRightDays, int followUpDays) {

    public LocalDate verifyDue(LocalDate opened) {
        return calendar.plusWorkingDays(opened, Math.max(0, verifyDays));
    }

    public LocalDate putRightDue(LocalDate verified) {
        return calendar.plusWorkingDays(verified, Math.max(0, putRightDays));
    }

    public LocalDate followUpDue(LocalDate stepBefore) {
        return calendar.plusWorkingDays(stepBefore, Math.max(0, followUpDays));
    }

    public static Card card(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return Card.RED;
        }
        return today.isEqual(due) ? Card.YELLOW : Card.GREEN;
    }

    public static boolean late(LocalDate due, LocalDate done) {
        return done.isAfter(due);
    }
}
