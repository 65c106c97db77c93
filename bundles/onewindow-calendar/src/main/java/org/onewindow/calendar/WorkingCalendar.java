package org.onewindow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The official working-day calendar of mainland China: weekends and the announced public holidays
 * are days off, the announced makeup working days (调休) are working days. A year whose schedule is
 * not published counts weekends and the holidays the national rules fix in advance (《全国年节及纪念日放假办法》)
 * as days off, without makeup days, and {@link #missingYears} tells the caller so.
 */
@ProviderType
public interface WorkingCalendar {

    boolean isWorkingDay(LocalDate day);

    /**
     * The day that is {@code days} working days after {@code start} (start itself not counted);
     * {@code days == 0} returns start.
     *
     * @throws IllegalArgumentException when days is negative or above 3650
     */
    LocalDate plusWorkingDays(LocalDate start, int days);

    /**
     * Working days d with {@code fromExclusive < d <= toInclusive}; negative (minus the count of
     * {@code toInclusive < d <= fromExclusive}) when to is before from; 0 when equal.
     */
    int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);

    /** Years with an official schedule loaded, ascending. */
    SortedSet<Integer> knownYears();

    /**
     * Years in [from.year, to.year] (either order) without a published schedule, ascending: days in them were
     * counted without the makeup days not yet announced, which the caller must show as a warning.
     */
    List<Integer> missingYears(LocalDate from, LocalDate to);
}
