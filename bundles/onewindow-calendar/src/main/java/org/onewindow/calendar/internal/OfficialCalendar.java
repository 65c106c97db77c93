package org.onewindow.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.onewindow.calendar.WorkingCalendar;

/**
 * The working-day arithmetic over the schedules of some years; a year without one counts weekends and, where given,
 * its provisional days off (the holidays the national rules fix in advance), and is reported missing all the same,
 * since its makeup working days are not known.
 * Immutable, so it is shared between threads and replaced whole when the schedules change.
 *
 * <p>Every day has an ordinal: the working days up to and including it, counted from a fixed origin.
 * Weekends-only days get it by formula; the days of a known year from a table made once. Counting
 * between two days is then one subtraction, and adding working days a binary search over ordinals,
 * because supervision does both for every open case.
 */
public final class OfficialCalendar implements WorkingCalendar {
    /** More working days than this (about 14 years) is a caller's mistake, not a time limit. */
    public static final int MAX_DAYS = 3650;
    /** A span of more years than this is a caller's mistake too. */
    static final int MAX_YEARS = 100;

    private final SortedMap<Integer, CalendarYear> schedules;
    private final SortedMap<Integer, CalendarYear> provisional;
    private final SortedSet<Integer> years;
    // per counted year (published or provisional), ascending by year:
    private final long[] firstDay;
    private final long[] lastDay;
    /** cumulative[i][k]: working days among the first k days of known year i. */
    private final int[][] cumulative;
    /** The ordinal of the day before known year i begins. */
    private final long[] base;
    /** shift[i]: working days minus weekdays of the known years before i (length n + 1). */
    private final long[] shift;

    /** @throws IllegalArgumentException when two schedules are for the same year */
    public OfficialCalendar(Collection<CalendarYear> schedules) {
        this(schedules, List.of());
    }

    /**
     * @param schedules the published schedules
     * @param provisional days off known in advance for years without a published schedule (the holidays the
     *        national rules fix, no makeup days): counted, but such a year stays missing ({@link #missingYears})
     * @throws IllegalArgumentException when two schedules are for the same year
     */
    public OfficialCalendar(Collection<CalendarYear> schedules, Collection<CalendarYear> provisional) {
        TreeMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear y : schedules) {
            if (byYear.put(y.year, y) != null) {
                throw new IllegalArgumentException("two schedules for " + y.year);
            }
        }
        this.schedules = Collections.unmodifiableSortedMap(byYear);
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
        TreeMap<Integer, CalendarYear> counted = new TreeMap<>(byYear);
        TreeMap<Integer, CalendarYear> provisionalByYear = new TreeMap<>();
        for (CalendarYear y : provisional) {
            if (provisionalByYear.put(y.year, y) != null) {
                throw new IllegalArgumentException("two provisional schedules for " + y.year);
            }
            counted.putIfAbsent(y.year, y);
        }
        provisionalByYear.keySet().removeAll(byYear.keySet());
        this.provisional = Collections.unmodifiableSortedMap(provisionalByYear);
        int n = counted.size();
        firstDay = new long[n];
        lastDay = new long[n];
        cumulative = new int[n][];
        base = new long[n];
        shift = new long[n + 1];
        int i = 0;
        for (CalendarYear y : counted.values()) {
            firstDay[i] = LocalDate.of(y.year, 1, 1).toEpochDay();
            lastDay[i] = LocalDate.of(y.year, 12, 31).toEpochDay();
            cumulative[i] = cumulate(y);
            base[i] = weekdaysThrough(firstDay[i] - 1) + shift[i];
            long weekdays = weekdaysThrough(lastDay[i]) - weekdaysThrough(firstDay[i] - 1);
            shift[i + 1] = shift[i] + cumulative[i][cumulative[i].length - 1] - weekdays;
            i++;
        }
    }

    /** A calendar that knows no year: weekends only. */
    public static OfficialCalendar weekendsOnly() {
        return new OfficialCalendar(List.of());
    }

    private static int[] cumulate(CalendarYear y) {
        Set<LocalDate> off = new HashSet<>();
        for (CalendarYear.Holiday h : y.holidays) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                off.add(d);
            }
        }
        Set<LocalDate> on = new HashSet<>();
        for (CalendarYear.Workday w : y.workdays) {
            on.add(w.date());
        }
        LocalDate first = LocalDate.of(y.year, 1, 1);
        int[] out = new int[first.lengthOfYear() + 1];
        for (int k = 0; k < first.lengthOfYear(); k++) {
            LocalDate d = first.plusDays(k);
            boolean working = on.contains(d) || !CalendarYear.isWeekend(d) && !off.contains(d);
            out[k + 1] = out[k] + (working ? 1 : 0);
        }
        return out;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        long d = day.toEpochDay();
        int i = knownYearOf(d);
        if (i < 0) {
            return !CalendarYear.isWeekend(day);
        }
        int k = (int) (d - firstDay[i]);
        return cumulative[i][k + 1] > cumulative[i][k];
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        Objects.requireNonNull(start, "start");
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("working days to add must be 0.." + MAX_DAYS + ", not " + days);
        }
        if (days == 0) {
            return start;
        }
        long s = start.toEpochDay();
        long target = ordinal(s) + days;
        // enough for weekends only; holidays may need more, then the window doubles
        long lo = s;
        long hi = s + days + 2L * (days / 5) + 2;
        while (ordinal(hi) < target) {
            lo = hi;
            hi += hi - s;
        }
        // ordinal(lo) < target <= ordinal(hi): the first day reaching target is a working day
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (ordinal(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return LocalDate.ofEpochDay(hi);
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        long count = ordinal(toInclusive.toEpochDay()) - ordinal(fromExclusive.toEpochDay());
        if (Math.abs(count) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("no time limit spans " + fromExclusive + " to " + toInclusive);
        }
        return (int) count;
    }

    @Override
    public SortedSet<Integer> knownYears() {
        return years;
    }

    @Override
    public List<Integer> missingYears(LocalDate from, LocalDate to) {
        int a = Math.min(from.getYear(), to.getYear());
        int b = Math.max(from.getYear(), to.getYear());
        if (b - a > MAX_YEARS) {
            throw new IllegalArgumentException("no time limit spans " + from + " to " + to);
        }
        List<Integer> out = new ArrayList<>();
        for (int y = a; y <= b; y++) {
            if (!schedules.containsKey(y)) {
                out.add(y);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The schedule of a year, when known. */
    public Optional<CalendarYear> schedule(int year) {
        return Optional.ofNullable(schedules.get(year));
    }

    /** The days off known in advance of a year without a published schedule (no makeup days), when given. */
    public Optional<CalendarYear> provisional(int year) {
        return Optional.ofNullable(provisional.get(year));
    }

    /** The known schedules, by year. */
    public SortedMap<Integer, CalendarYear> schedules() {
        return schedules;
    }

    /** The working days of a year (weekdays only, when it is not known). */
    public int workingDaysIn(int year) {
        return workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    }

    /** The working days up to and including an epoch day, counted from a fixed origin. */
    private long ordinal(long day) {
        int i = upperBound(day);
        if (i > 0 && day <= lastDay[i - 1]) {
            return base[i - 1] + cumulative[i - 1][(int) (day - firstDay[i - 1]) + 1];
        }
        return weekdaysThrough(day) + shift[i];
    }

    /** The index of the known year holding an epoch day, or -1. */
    private int knownYearOf(long day) {
        int i = upperBound(day);
        return i > 0 && day <= lastDay[i - 1] ? i - 1 : -1;
    }

    /** How many known years begin on or before an epoch day. */
    private int upperBound(long day) {
        int i = Arrays.binarySearch(firstDay, day);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Mondays to Fridays from an origin Monday through an epoch day (only differences matter). */
    static long weekdaysThrough(long epochDay) {
        long d = epochDay + 3; // 1970-01-01 was a Thursday, so d is 0 on a Monday
        return 5 * Math.floorDiv(d, 7) + Math.min(Math.floorMod(d, 7) + 1, 5);
    }
}
