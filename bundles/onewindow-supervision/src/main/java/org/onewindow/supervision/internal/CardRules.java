package org.onewindow.supervision.internal;

import java.time.LocalDate;

import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.intake.ClockDTO;
import org.onewindow.supervision.CardColor;

/**
 * The colour of a case's clock: red past its deadline; yellow when at most {@code yellowDays} working
 * days are left or {@code yellowShare} of the allowed days are used, whichever comes first; green
 * otherwise. While a supplement is awaited the clock stands at the day it stopped.
 */
final class CardRules {
    private final WorkingCalendar calendar;
    private final int yellowDays;
    private final double yellowShare;

    CardRules(WorkingCalendar calendar, int yellowDays, double yellowShare) {
        this.calendar = calendar;
        this.yellowDays = yellowDays;
        this.yellowShare = yellowShare;
    }

    /** A colour and the working days left (negative: overdue). */
    record Verdict(CardColor color, int daysLeft) {
    }

    Verdict judge(ClockDTO clock, LocalDate today) {
        LocalDate deadline = LocalDate.parse(clock.deadline);
        LocalDate at = clock.suspendedSince == null ? today : LocalDate.parse(clock.suspendedSince);
        if (at.isAfter(deadline)) {
            return new Verdict(CardColor.RED, -calendar.workingDaysBetween(deadline, at));
        }
        int left = calendar.workingDaysBetween(at, deadline);
        int used = clock.allowedDays - left;
        boolean late = left <= yellowDays || clock.allowedDays > 0 && used >= yellowShare * clock.allowedDays;
        return new Verdict(late ? CardColor.YELLOW : CardColor.GREEN, left);
    }
}
