package org.onewindow.intake.internal.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.onewindow.calendar.WorkingCalendar;

/**
 * A case's clock in working days of the official calendar: started at acceptance (the day of
 * acceptance not counted), stopped while a supplement is awaited, moved by extensions.
 */
public final class TimeLimits {
    private final WorkingCalendar calendar;

    public TimeLimits(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /** A case accepted before deadlines were kept: its deadline from its acceptance day, nothing else touched. */
    public void backfill(CaseEntity c) {
        c.deadline = calendar.plusWorkingDays(c.acceptedOn, c.timeLimitDays + c.extendedDays);
        noteGaps(c);
    }

    public void start(CaseEntity c, LocalDate today) {
        c.acceptedOn = today;
        c.deadline = calendar.plusWorkingDays(today, c.timeLimitDays);
        c.suspendedDays = 0;
        c.extendedDays = 0;
        c.extensions = 0;
        c.extendedOn = null;
        c.suspendedSince = null;
        noteGaps(c);
    }

    public void suspend(CaseEntity c, LocalDate today) {
        c.suspendedSince = today;
    }

    /** Moves the deadline by the working days the clock stood still. */
    public int resume(CaseEntity c, LocalDate today) {
        if (c.suspendedSince == null) {
            return 0;
        }
        int stood = Math.max(0, calendar.workingDaysBetween(c.suspendedSince, today));
        c.suspendedDays += stood;
        c.deadline = calendar.plusWorkingDays(c.deadline, stood);
        c.suspendedSince = null;
        noteGaps(c);
        return stood;
    }

    public void extend(CaseEntity c, int days, LocalDate today) {
        c.extendedDays += days;
        c.extensions++;
        c.extendedOn = today;
        c.deadline = calendar.plusWorkingDays(c.deadline, days);
        noteGaps(c);
    }

    /** Records when the case was decided, the working days it took and whether that was in time. */
    public void decide(CaseEntity c, LocalDate today) {
        c.decidedOn = today;
        c.workingDaysUsed = Math.max(0, calendar.workingDaysBetween(c.acceptedOn, today) - c.suspendedDays);
        c.inTime = today.isAfter(c.deadline) ? 0 : 1;
    }

    private void noteGaps(CaseEntity c) {
        List<Integer> gaps = calendar.missingYears(c.acceptedOn, c.deadline);
        c.calendarGaps = gaps.isEmpty() ? null
                : new TreeSet<>(gaps).stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
