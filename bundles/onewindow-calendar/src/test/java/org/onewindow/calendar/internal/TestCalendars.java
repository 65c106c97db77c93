package org.onewindow.calendar.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.calendar.internal.CalendarYear.Holiday;
import org.onewindow.calendar.internal.CalendarYear.Workday;

/**
 * Working calendars for other bundles' unit tests (through this bundle's test jar): the calendar's own
 * rules over the days a test names, so that a test of time limits or cards reads its clock at a glance.
 */
public final class TestCalendars {

    private TestCalendars() {
    }

    /** One published year with one holiday, {@code from} to {@code to}, and its makeup working days. */
    public static WorkingCalendar year(int year, String holiday, LocalDate from, LocalDate to, LocalDate... makeupDays) {
        List<Workday> worked = Arrays.stream(makeupDays).map(d -> new Workday(d, holiday + "调休")).collect(Collectors.toList());
        return new OfficialCalendar(List.of(new CalendarYear(year, "test", List.of(new Holiday(holiday, from, to)), worked)));
    }
}
