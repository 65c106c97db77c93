package org.onewindow.calendar.internal;

import static org.onewindow.calendar.internal.Schedules.d;
import org.onewindow.calendar.internal.CalendarYear.Holiday;
import org.onewindow.calendar.internal.CalendarYear.Workday;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

public class CalendarYearTest {

    @Test
    public void theNoticesAreAccepted() {
        assertEquals(6, Schedules.y2025().holidays.size());
        assertEquals(6, Schedules.y2026().workdays.size());
        assertEquals(9, Schedules.y2026().holidays.get(1).days());
    }

    @Test
    public void badYear() {
        refused("year: 27 is not a four-digit year", 27, List.of(), List.of());
    }

    @Test
    public void datesOutsideTheYear() {
        refused("holidays[0].from: 2025-12-31 is not in 2026", 2026,
                List.of(new Holiday("元旦", d("2025-12-31"), d("2026-01-01"))), List.of());
        refused("workdays[0].date: 2027-01-02 is not in 2026", 2026, List.of(), List.of(new Workday(d("2027-01-02"), "")));
    }

    @Test
    public void fromAfterTo() {
        refused("holidays[0].to: 2026-02-15 is before from 2026-02-23", 2026,
                List.of(new Holiday("春节", d("2026-02-23"), d("2026-02-15"))), List.of());
    }

    @Test
    public void makeupDayMustBeAWeekendDay() {
        refused("workdays[0].date: 2026-01-05 is a MONDAY, but a makeup working day is always a Saturday or Sunday", 2026,
                List.of(), List.of(new Workday(d("2026-01-05"), "元旦调休")));
    }

    @Test
    public void noDayBothOffAndWorking() {
        refused("workdays[0].date: 2026-01-03 is also a day off in holidays[0] (元旦)", 2026,
                List.of(new Holiday("元旦", d("2026-01-01"), d("2026-01-03"))), List.of(new Workday(d("2026-01-03"), "")));
    }

    @Test
    public void holidaysDoNotOverlap() {
        refused("holidays[1] (国庆节): 2026-10-01 is also in holidays[0] (中秋节)", 2026,
                List.of(new Holiday("中秋节", d("2026-09-25"), d("2026-10-01")), new Holiday("国庆节", d("2026-10-01"), d("2026-10-07"))),
                List.of());
    }

    @Test
    public void makeupDayListedTwice() {
        refused("workdays[1].date: 2026-02-14 is listed twice, also in workdays[0]", 2026,
                List.of(), List.of(new Workday(d("2026-02-14"), ""), new Workday(d("2026-02-14"), "")));
    }

    @Test
    public void missingParts() {
        try {
            new Holiday(" ", d("2026-01-01"), d("2026-01-01"));
            fail("accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("name: missing", e.getMessage());
        }
        try {
            new Workday(null, "");
            fail("accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("date: missing", e.getMessage());
        }
    }

    @Test
    public void immutable() {
        CalendarYear y = Schedules.y2026();
        try {
            y.holidays.clear();
            fail("changed");
        } catch (UnsupportedOperationException expected) {
            assertTrue(y.holidays.size() > 0);
        }
    }

    private static void refused(String message, int year, List<Holiday> holidays, List<Workday> workdays) {
        try {
            new CalendarYear(year, "", holidays, workdays);
            fail("accepted");
        } catch (IllegalArgumentException e) {
            assertEquals(message, e.getMessage());
        }
    }
}
