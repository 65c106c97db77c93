package org.onewindow.calendar.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.onewindow.calendar.internal.Schedules.d;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.Test;

public class OfficialCalendarTest {
    private final OfficialCalendar cal = Schedules.calendar();

    @Test
    public void nationalDay2026() {
        assertEquals(d("2026-10-08"), cal.plusWorkingDays(d("2026-09-30"), 1));
        for (LocalDate day = d("2026-10-01"); !day.isAfter(d("2026-10-07")); day = day.plusDays(1)) {
            assertFalse(day.toString(), cal.isWorkingDay(day));
        }
        assertTrue("makeup Saturday", cal.isWorkingDay(d("2026-10-10")));
        assertFalse("the Sunday after", cal.isWorkingDay(d("2026-10-11")));
        assertTrue("makeup Sunday", cal.isWorkingDay(d("2026-09-20")));
        // Thu 8, Fri 9, Sat 10 (makeup), then Mon 12
        assertEquals(d("2026-10-10"), cal.plusWorkingDays(d("2026-10-08"), 2));
        assertEquals(d("2026-10-12"), cal.plusWorkingDays(d("2026-10-08"), 3));
        assertEquals(3, cal.workingDaysBetween(d("2026-09-30"), d("2026-10-10")));
    }

    @Test
    public void springFestival2026() {
        assertTrue("makeup Saturday before", cal.isWorkingDay(d("2026-02-14")));
        assertTrue("makeup Saturday after", cal.isWorkingDay(d("2026-02-28")));
        assertEquals(0, cal.workingDaysBetween(d("2026-02-14"), d("2026-02-23")));
        assertEquals(d("2026-02-14"), cal.plusWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), cal.plusWorkingDays(d("2026-02-14"), 1));
        // Fri 13, Sat 14, then Tue 24, Wed 25, Thu 26
        assertEquals(d("2026-02-26"), cal.plusWorkingDays(d("2026-02-12"), 5));
        // Fri 27, Sat 28 (makeup), Mon 2 March
        assertEquals(d("2026-03-02"), cal.plusWorkingDays(d("2026-02-26"), 3));
        // a case accepted on a day off starts counting from the next working day
        assertEquals(d("2026-02-24"), cal.plusWorkingDays(d("2026-02-18"), 1));
        assertEquals(1, cal.workingDaysBetween(d("2026-02-18"), d("2026-02-24")));
    }

    @Test
    public void springFestival2025AndNewYear() {
        assertTrue("makeup Sunday", cal.isWorkingDay(d("2025-01-26")));
        assertFalse(cal.isWorkingDay(d("2025-01-28")));
        assertFalse(cal.isWorkingDay(d("2025-02-04")));
        assertTrue("makeup Saturday", cal.isWorkingDay(d("2025-02-08")));
        // from a day before any known year into 2025: Mon 30, Tue 31 December, then 2 January
        assertEquals(3, cal.workingDaysBetween(d("2024-12-27"), d("2025-01-02")));
        assertEquals(d("2025-01-02"), cal.plusWorkingDays(d("2024-12-31"), 1));
    }

    @Test
    public void workingDaysPerYear() {
        // By hand from the notices. 2025 begins on a Wednesday and has 365 days: 52 weeks and one
        // Wednesday, so 104 weekend days and 261 weekdays. Holiday days on weekdays: 元旦 01-01 Wed 1;
        // 春节 01-28 Tue..02-04 Tue 6 (Tue-Fri, Mon-Tue); 清明 04-04 Fri 1; 劳动节 05-01 Thu..05-05 Mon 3;
        // 端午 05-31 Sat..06-02 Mon 1; 国庆中秋 10-01 Wed..10-08 Wed 6 (Wed-Fri, Mon-Wed): 18.
        // Makeup days 5. 261 - 18 + 5 = 248.
        assertEquals(248, cal.workingDaysIn(2025));
        // 2026 begins on a Thursday: 104 weekend days, 261 weekdays. Holiday days on weekdays:
        // 元旦 01-01 Thu..01-03 Sat 2; 春节 02-15 Sun..02-23 Mon 6 (16-20, 23); 清明 04-04 Sat..04-06 Mon 1;
        // 劳动节 05-01 Fri..05-05 Tue 3; 端午 06-19 Fri..06-21 Sun 1; 中秋 09-25 Fri..09-27 Sun 1;
        // 国庆 10-01 Thu..10-07 Wed 5 (Thu, Fri, Mon-Wed): 19. Makeup days 6. 261 - 19 + 6 = 248.
        assertEquals(248, cal.workingDaysIn(2026));
        // 2027 is not known: weekdays only; it begins on a Friday, so 52 weeks and a Friday, 261
        assertEquals(261, cal.workingDaysIn(2027));
        assertEquals(248 + 248, cal.workingDaysBetween(d("2024-12-31"), d("2026-12-31")));
    }

    @Test
    public void intoUnknown2027() {
        assertEquals(List.of(2025, 2026), List.copyOf(cal.knownYears()));
        // Thu 31 December 2026, then Fri 1 January 2027 (a holiday in truth, but 2027 is not known) and Mon 4
        assertEquals(d("2027-01-01"), cal.plusWorkingDays(d("2026-12-31"), 1));
        assertEquals(d("2027-01-04"), cal.plusWorkingDays(d("2026-12-30"), 3));
        assertEquals(3, cal.workingDaysBetween(d("2026-12-30"), d("2027-01-04")));
        assertEquals(List.of(2027), cal.missingYears(d("2026-12-30"), d("2027-01-04")));
        assertEquals(List.of(2027), cal.missingYears(d("2027-01-04"), d("2026-12-30")));
        assertEquals(List.of(), cal.missingYears(d("2025-01-01"), d("2026-12-31")));
        assertEquals(List.of(2024, 2027, 2028), cal.missingYears(d("2024-06-01"), d("2028-01-01")));
        assertFalse(cal.isWorkingDay(d("2027-01-02")));
        assertTrue(cal.isWorkingDay(d("2027-01-01")));
    }

    @Test
    public void yearsBetweenKnownYearsCountWeekendsOnly() {
        OfficialCalendar gap = new OfficialCalendar(List.of(Schedules.y2025(), Schedules.year(2027,
                new String[][] {{"元旦", "01-01", "01-01"}})));
        assertEquals(List.of(2026), gap.missingYears(d("2025-12-01"), d("2027-02-01")));
        assertEquals(248 + 261 + 260, gap.workingDaysBetween(d("2024-12-31"), d("2027-12-31")));
        assertTrue("2026 is weekends only here", gap.isWorkingDay(d("2026-10-01")));
        assertEquals(d("2027-01-04"), gap.plusWorkingDays(d("2026-12-31"), 1));
    }

    @Test
    public void agreesWithCountingDayByDay() {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> on = new HashSet<>();
        for (CalendarYear y : List.of(Schedules.y2025(), Schedules.y2026())) {
            y.holidays.forEach(h -> h.from().datesUntil(h.to().plusDays(1)).forEach(off::add));
            y.workdays.forEach(w -> on.add(w.date()));
        }
        LocalDate first = d("2024-11-01");
        LocalDate last = d("2027-03-01");
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertEquals(day.toString(), on.contains(day) || !weekend && !off.contains(day), cal.isWorkingDay(day));
        }
        Random random = new Random(42);
        int span = (int) (last.toEpochDay() - first.toEpochDay());
        for (int i = 0; i < 2000; i++) {
            LocalDate a = first.plusDays(random.nextInt(span));
            LocalDate b = first.plusDays(random.nextInt(span));
            int expected = 0;
            for (LocalDate day = a.plusDays(1); !day.isAfter(b); day = day.plusDays(1)) {
                expected += cal.isWorkingDay(day) ? 1 : 0;
            }
            for (LocalDate day = b.plusDays(1); !day.isAfter(a); day = day.plusDays(1)) {
                expected -= cal.isWorkingDay(day) ? 1 : 0;
            }
            assertEquals(a + " to " + b, expected, cal.workingDaysBetween(a, b));
        }
    }

    @Test
    public void plusAndBetweenAreInverse() {
        for (LocalDate start = d("2024-12-01"); start.isBefore(d("2027-02-01")); start = start.plusDays(1)) {
            for (int days : new int[] {0, 1, 2, 5, 7, 10, 20, 60}) {
                LocalDate end = cal.plusWorkingDays(start, days);
                assertEquals(start + " + " + days, days, cal.workingDaysBetween(start, end));
                assertEquals(-days, cal.workingDaysBetween(end, start));
                if (days > 0) {
                    assertTrue(start + " + " + days + " = " + end, cal.isWorkingDay(end));
                    assertEquals("the first such day", days - 1, cal.workingDaysBetween(start, end.minusDays(1)));
                }
            }
        }
        LocalDate far = cal.plusWorkingDays(d("2026-01-01"), OfficialCalendar.MAX_DAYS);
        assertEquals(OfficialCalendar.MAX_DAYS, cal.workingDaysBetween(d("2026-01-01"), far));
    }

    @Test
    public void weekendsOnly() {
        OfficialCalendar plain = OfficialCalendar.weekendsOnly();
        assertTrue(plain.knownYears().isEmpty());
        assertEquals(d("2026-10-05"), plain.plusWorkingDays(d("2026-10-02"), 1));
        assertEquals(d("2026-10-02"), plain.plusWorkingDays(d("2026-09-25"), 5));
        assertEquals(5, plain.workingDaysBetween(d("2026-10-03"), d("2026-10-10")));
        assertEquals(List.of(2026), plain.missingYears(d("2026-01-01"), d("2026-12-31")));
    }

    @Test
    public void absurdInputsAreRefused() {
        expectRefused(() -> cal.plusWorkingDays(d("2026-01-01"), OfficialCalendar.MAX_DAYS + 1));
        expectRefused(() -> cal.plusWorkingDays(d("2026-01-01"), -1));
        expectRefused(() -> cal.missingYears(d("1900-01-01"), d("2100-01-01")));
        expectRefused(() -> cal.workingDaysBetween(LocalDate.MIN, LocalDate.MAX));
        expectRefused(() -> new OfficialCalendar(List.of(Schedules.y2026(), Schedules.y2026())));
    }

    @Test
    public void fastEnoughForSupervision() {
        Random random = new Random(7);
        LocalDate first = d("2025-01-01");
        long started = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < 100_000; i++) {
            LocalDate start = first.plusDays(random.nextInt(3 * 365));
            LocalDate deadline = cal.plusWorkingDays(start, random.nextInt(61));
            sum += cal.workingDaysBetween(start, deadline) + cal.workingDaysBetween(deadline, start.plusDays(30));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(sum != 0);
        // a supervision run does about this much and must take well under 2 s in all
        assertTrue("100,000 additions and 200,000 counts took " + millis + " ms", millis < 1000);
    }

    private static void expectRefused(Runnable call) {
        try {
            call.run();
            fail("accepted");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
