package org.onewindow.calendar.internal;

import static org.onewindow.calendar.internal.Schedules.d;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Test;

/**
 * The holidays 《全国年节及纪念日放假办法》 (2024 revision, in force 2025) fixes in advance, for years whose schedule
 * is not published: they must agree with the State Council's published 2025 and 2026 schedules, and give 2027.
 */
public class StatutoryHolidaysTest {

    private static List<String> days(CalendarYear y) {
        List<String> out = new ArrayList<>();
        y.holidays.forEach(h -> {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                out.add(h.name() + " " + d.toString().substring(5));
            }
        });
        return out;
    }

    private static void agreesWithThePublished(CalendarYear published) {
        CalendarYear fixed = StatutoryHolidays.of(published.year);
        OfficialCalendar official = new OfficialCalendar(List.of(published));
        assertEquals(13, days(fixed).size());
        for (CalendarYear.Holiday h : fixed.holidays) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                final LocalDate day = d;
                assertTrue(h.name() + " " + d + " is a day off in the published schedule",
                        published.holidays.stream().anyMatch(p -> !day.isBefore(p.from()) && !day.isAfter(p.to())));
                assertFalse(h.name() + " " + d, official.isWorkingDay(d));
            }
        }
    }

    @Test
    public void theFixedDaysAreDaysOffIn2025AsPublished() {
        agreesWithThePublished(Schedules.y2025());
        assertEquals(List.of("元旦 01-01", "春节 01-28", "春节 01-29", "春节 01-30", "春节 01-31", "清明节 04-04",
                "劳动节 05-01", "劳动节 05-02", "端午节 05-31", "国庆节 10-01", "国庆节 10-02", "国庆节 10-03", "中秋节 10-06"),
                days(StatutoryHolidays.of(2025)));
    }

    @Test
    public void theFixedDaysAreDaysOffIn2026AsPublished() {
        agreesWithThePublished(Schedules.y2026());
        assertEquals(List.of("元旦 01-01", "春节 02-16", "春节 02-17", "春节 02-18", "春节 02-19", "清明节 04-05",
                "劳动节 05-01", "劳动节 05-02", "端午节 06-19", "中秋节 09-25", "国庆节 10-01", "国庆节 10-02", "国庆节 10-03"),
                days(StatutoryHolidays.of(2026)));
    }

    @Test
    public void twentyTwentySeven() {
        // 正月初一 is 6 February 2027: the new moon at 15:56 UTC is 23:56 in Beijing (ICU alone says the 7th)
        assertEquals(List.of("元旦 01-01", "春节 02-05", "春节 02-06", "春节 02-07", "春节 02-08", "清明节 04-05",
                "劳动节 05-01", "劳动节 05-02", "端午节 06-09", "中秋节 09-15", "国庆节 10-01", "国庆节 10-02", "国庆节 10-03"),
                days(StatutoryHolidays.of(2027)));
        assertTrue(StatutoryHolidays.of(2027).workdays.isEmpty());
        assertTrue(StatutoryHolidays.of(2027).source, StatutoryHolidays.of(2027).source.contains("2024 年修订"));
    }

    @Test
    public void beforeThe2024RevisionNoEveAndOneDayInMay() {
        assertEquals(List.of("元旦 01-01", "春节 02-10", "春节 02-11", "春节 02-12", "清明节 04-04", "劳动节 05-01",
                "端午节 06-10", "中秋节 09-17", "国庆节 10-01", "国庆节 10-02", "国庆节 10-03"), days(StatutoryHolidays.of(2024)));
    }

    @Test
    public void aLunarHolidayOnAFixedOneCountsOnce() {
        // 中秋节 2028 is 3 October
        List<String> y2028 = days(StatutoryHolidays.of(2028));
        assertEquals(12, y2028.size());
        assertTrue(y2028.toString(), y2028.containsAll(List.of("国庆节 10-01", "国庆节 10-02", "中秋节 10-03")));
    }

    @Test
    public void qingmingAgreesWithTheShouxingFormulaEveryYear() {
        // 寿星通用公式 for the 21st century: [Y·0.2422 + 4.81] − [Y/4], Y the year's last two digits; an independent check
        for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
            int y = year % 100;
            int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
            assertEquals("清明 " + year, LocalDate.of(year, 4, day), Astronomy.solarTerm(year, 4, 4, 15));
        }
    }

    @Test
    public void newMoonsAsMeeusComputesThem() {
        // Astronomical Algorithms, example 49.a: the new moon of February 1977, JDE 2443192.65118
        assertEquals(2443192.65118, Astronomy.newMoon(-283), 0.00001);
        assertEquals(d("2027-02-06"), Astronomy.newMoonNear(d("2027-02-07")));
    }

    @Test
    public void anUnpublishedYearCountsTheFixedDaysButStaysMissing() {
        OfficialCalendar cal = new OfficialCalendar(List.of(Schedules.y2025(), Schedules.y2026()),
                StatutoryHolidays.provisional(Set.of(2025, 2026)));
        assertFalse("元旦 2027", cal.isWorkingDay(d("2027-01-01")));
        assertFalse("除夕 2027", cal.isWorkingDay(d("2027-02-05")));
        assertFalse(cal.isWorkingDay(d("2027-02-08")));
        assertTrue(cal.isWorkingDay(d("2027-02-09")));
        assertEquals("published 2026 untouched: 国庆 to 10-07", d("2026-10-08"), cal.plusWorkingDays(d("2026-09-30"), 1));
        assertEquals(List.of(2027), cal.missingYears(d("2026-12-21"), d("2027-01-19")));
        assertEquals(Set.of(2025, 2026), cal.knownYears());
        // 20 working days from 21 December 2026: 元旦 (a Friday) moves the deadline a day
        assertEquals(d("2027-01-19"), cal.plusWorkingDays(d("2026-12-21"), 20));
        assertEquals(261 - 7, cal.workingDaysIn(2027));
        assertTrue(cal.provisional(2027).isPresent());
        assertFalse(cal.provisional(2026).isPresent());
    }
}
