package org.onewindow.calendar.internal;

import org.onewindow.calendar.internal.CalendarYear.Holiday;
import org.onewindow.calendar.internal.CalendarYear.Workday;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;


/** The 2025 and 2026 schedules typed in again from the State Council's notices, apart from the etc files. */
public final class Schedules {

    private Schedules() {
    }

    public static CalendarYear y2025() {
        return year(2025, new String[][] {
            {"元旦", "01-01", "01-01"}, {"春节", "01-28", "02-04"}, {"清明节", "04-04", "04-06"},
            {"劳动节", "05-01", "05-05"}, {"端午节", "05-31", "06-02"}, {"国庆节、中秋节", "10-01", "10-08"}},
            "01-26", "02-08", "04-27", "09-28", "10-11");
    }

    public static CalendarYear y2026() {
        return year(2026, new String[][] {
            {"元旦", "01-01", "01-03"}, {"春节", "02-15", "02-23"}, {"清明节", "04-04", "04-06"},
            {"劳动节", "05-01", "05-05"}, {"端午节", "06-19", "06-21"}, {"中秋节", "09-25", "09-27"},
            {"国庆节", "10-01", "10-07"}},
            "01-04", "02-14", "02-28", "05-09", "09-20", "10-10");
    }

    public static OfficialCalendar calendar() {
        return new OfficialCalendar(List.of(y2025(), y2026()));
    }

    static CalendarYear year(int year, String[][] holidays, String... workdays) {
        List<Holiday> hs = new ArrayList<>();
        for (String[] h : holidays) {
            hs.add(new Holiday(h[0], day(year, h[1]), day(year, h[2])));
        }
        List<Workday> ws = new ArrayList<>();
        for (String w : workdays) {
            ws.add(new Workday(day(year, w), ""));
        }
        return new CalendarYear(year, "", hs, ws);
    }

    public static LocalDate day(int year, String monthDay) {
        return LocalDate.parse(year + "-" + monthDay);
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
