package org.onewindow.calendar.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code onewindow:calendar [year]}: the years the calendar knows, or one year's schedule. */
@Command(scope = "onewindow", name = "calendar",
        description = "Shows the official working-day calendar (工作日历): the years it knows, or one year's holidays and makeup working days")
@Service
public class CalendarCommand implements Action {

    @Reference
    FileWorkingCalendar calendar;

    @Argument(index = 0, name = "year", description = "A year, such as 2026", required = false)
    Integer year;

    @Override
    public Object execute() {
        OfficialCalendar current = calendar.current();
        if (year != null && (year < 1000 || year > 9999)) {
            System.out.println("A year has four digits, such as 2027");
            return null;
        }
        System.out.print(year == null
                ? overview(current, calendar.directory, calendar.thisYear(), calendar.snapshot.refused())
                : yearReport(current, calendar.directory, year));
        return null;
    }

    static String overview(OfficialCalendar cal, Path directory, int thisYear, List<String> refused) {
        StringBuilder out = new StringBuilder();
        out.append("Official working-day calendar (工作日历) from ").append(directory).append('\n');
        if (cal.schedules().isEmpty()) {
            out.append("  no year has a schedule\n");
        }
        for (CalendarYear y : cal.schedules().values()) {
            out.append(String.format("  %d  %d working days, %d holidays, %d makeup working days  %s%n", y.year,
                    cal.workingDaysIn(y.year), y.holidays.size(), y.workdays.size(), y.source));
        }
        if (!refused.isEmpty()) {
            out.append("Refused (see the log): ").append(String.join(", ", refused)).append('\n');
        }
        List<Integer> missing = FileWorkingCalendar.missingSoon(cal, thisYear);
        if (!missing.isEmpty()) {
            out.append("WARNING: ").append(FileWorkingCalendar.missingWarning(directory, missing)).append('\n');
        }
        return out.toString();
    }

    static String yearReport(OfficialCalendar cal, Path directory, int year) {
        Optional<CalendarYear> schedule = cal.schedule(year);
        if (schedule.isEmpty()) {
            Optional<CalendarYear> fixed = cal.provisional(year);
            StringBuilder out = new StringBuilder(String.format("No official holiday schedule for %d in %s: days in %d count"
                    + " weekends%s, but no makeup working days (%d working days).%n", year, directory, year,
                    fixed.isEmpty() ? " only" : " and the holidays the national rules fix", cal.workingDaysIn(year)));
            fixed.ifPresent(y -> {
                out.append("Holidays the national rules fix (").append(y.source).append(")\n");
                y.holidays.forEach(h -> out.append(String.format("  %s .. %s  %2d days  %s%n", day(h.from()), day(h.to()), h.days(), h.name())));
            });
            return out.append(String.format("Add %s when the State Council publishes the year's holidays (see README.md there).%n",
                    directory.resolve(year + ".json"))).toString();
        }
        CalendarYear y = schedule.get();
        StringBuilder out = new StringBuilder();
        out.append(year).append(y.source.isEmpty() ? "" : "  " + y.source).append('\n');
        out.append("Holidays (放假)\n");
        for (CalendarYear.Holiday h : y.holidays) {
            out.append(String.format("  %s .. %s  %2d days  %s%n", day(h.from()), day(h.to()), h.days(), h.name()));
        }
        out.append("Makeup working days (调休上班)\n");
        if (y.workdays.isEmpty()) {
            out.append("  none\n");
        }
        for (CalendarYear.Workday w : y.workdays) {
            out.append(String.format("  %s  %s%n", day(w.date()), w.note()));
        }
        out.append(String.format("%d working days in %d%n", cal.workingDaysIn(year), year));
        return out.toString();
    }

    private static String day(LocalDate d) {
        return d + " " + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
