package org.onewindow.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One year's official schedule, as the State Council announced it: the holidays (days off, weekends
 * within them included) and the makeup working days (调休), which are always a Saturday or Sunday.
 * Immutable, and checked when made: a schedule that cannot be right is refused.
 */
public final class CalendarYear {
    public final int year;
    /** The notice it comes from, such as 国务院办公厅关于2026年部分节假日安排的通知; may be empty. */
    public final String source;
    public final List<Holiday> holidays;
    public final List<Workday> workdays;

    /** @throws IllegalArgumentException naming the field that is wrong, such as {@code holidays[1].to} */
    public CalendarYear(int year, String source, List<Holiday> holidays, List<Workday> workdays) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year: " + year + " is not a four-digit year");
        }
        this.year = year;
        this.source = source == null ? "" : source;
        this.holidays = List.copyOf(holidays);
        this.workdays = List.copyOf(workdays);
        check();
    }

    private void check() {
        Map<LocalDate, String> off = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String field = "holidays[" + i + "]";
            inYear(field + ".from", h.from());
            inYear(field + ".to", h.to());
            if (h.to().isBefore(h.from())) {
                throw new IllegalArgumentException(field + ".to: " + h.to() + " is before from " + h.from());
            }
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                String other = off.putIfAbsent(d, field + " (" + h.name() + ")");
                if (other != null) {
                    throw new IllegalArgumentException(field + " (" + h.name() + "): " + d + " is also in " + other);
                }
            }
        }
        Map<LocalDate, String> on = new HashMap<>();
        for (int i = 0; i < workdays.size(); i++) {
            Workday w = workdays.get(i);
            String field = "workdays[" + i + "].date";
            inYear(field, w.date());
            if (!isWeekend(w.date())) {
                throw new IllegalArgumentException(field + ": " + w.date() + " is a " + w.date().getDayOfWeek()
                        + ", but a makeup working day is always a Saturday or Sunday");
            }
            if (off.containsKey(w.date())) {
                throw new IllegalArgumentException(field + ": " + w.date() + " is also a day off in " + off.get(w.date()));
            }
            String other = on.putIfAbsent(w.date(), "workdays[" + i + "]");
            if (other != null) {
                throw new IllegalArgumentException(field + ": " + w.date() + " is listed twice, also in " + other);
            }
        }
    }

    private void inYear(String field, LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(field + ": " + day + " is not in " + year);
        }
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Days off from {@code from} to {@code to}, both included. */
    public record Holiday(String name, LocalDate from, LocalDate to) {
        public Holiday {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name: missing");
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException(from == null ? "from: missing" : "to: missing");
            }
            name = name.strip();
        }

        public int days() {
            return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        }
    }

    /** A makeup working day (调休上班): a Saturday or Sunday on which offices work. */
    /** @param note such as 春节调休; may be empty */
    public record Workday(LocalDate date, String note) {
        public Workday {
            if (date == null) {
                throw new IllegalArgumentException("date: missing");
            }
            note = note == null ? "" : note.strip();
        }
    }
}
