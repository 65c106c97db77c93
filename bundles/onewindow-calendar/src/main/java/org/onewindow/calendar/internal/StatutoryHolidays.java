package org.onewindow.calendar.internal;

import org.onewindow.calendar.internal.CalendarYear.Holiday;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;

/**
 * The holidays that 《全国年节及纪念日放假办法》 fixes in advance, for a year whose schedule the State Council has not
 * published yet: days off without the makeup working days (调休), which only the annual notice sets.
 *
 * <p>The 2024 revision (国务院令第798号, in force since 2025-01-01): 元旦 1 January; 春节 the eve and the first three
 * days of the first lunar month (4 days); 清明节 the day of the solar term; 劳动节 1 and 2 May; 端午节 the 5th of the 5th
 * lunar month; 中秋节 the 15th of the 8th; 国庆节 1 to 3 October. The 2013 revision (国务院令第644号, 2014–2024) gave the
 * first three days of the lunar year (not the eve) and 1 May alone. Years before 2014 get none (weekends only).
 *
 * <p>Lunar months come from ICU4J's {@code ChineseCalendar} (which month is the first, the fifth, the eighth, leap
 * months), the day each begins from the precise new moon ({@link Astronomy}), since ICU's own is minutes off; 清明 from
 * the sun's longitude (15°). Where a lunar holiday falls on a fixed one (中秋 on 1 October, as in 2028), the day counts
 * once: how the State Council then lengthens the break is for its notice to say.
 */
final class StatutoryHolidays {
    static final int FIRST_YEAR = 2014;
    /** The 2024 revision's first year. */
    static final int REVISED_2024 = 2025;
    /** The lunar calendar computed here is checked to this year. */
    static final int LAST_YEAR = 2099;
    private static final TimeZone BEIJING = TimeZone.getTimeZone("GMT+08:00");
    private static final Map<Integer, CalendarYear> CACHE = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
    }

    /** Whether the holidays of a year can be computed here. */
    static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The fixed holidays of a year as a schedule without makeup days; never published, so never "known". */
    static CalendarYear of(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException("fixed holidays are computed for " + FIRST_YEAR + " to " + LAST_YEAR + ", not " + year);
        }
        return CACHE.computeIfAbsent(year, StatutoryHolidays::compute);
    }

    /** Schedules of the fixed holidays for every covered year not among {@code published}. */
    static List<CalendarYear> provisional(Set<Integer> published) {
        List<CalendarYear> out = new ArrayList<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            if (!published.contains(y)) {
                out.add(of(y));
            }
        }
        return out;
    }

    private static CalendarYear compute(int year) {
        boolean revised = year >= REVISED_2024;
        LocalDate springFestival = lunar(year, 1, 1);
        List<Holiday> days = new ArrayList<>();
        Set<LocalDate> taken = new HashSet<>();
        add(days, taken, "元旦", fixed(year, 1, 1), fixed(year, 1, 1));
        add(days, taken, "春节", revised ? springFestival.minusDays(1) : springFestival, springFestival.plusDays(2));
        LocalDate qingming = Astronomy.solarTerm(year, 4, 4, 15);
        add(days, taken, "清明节", qingming, qingming);
        add(days, taken, "劳动节", fixed(year, 5, 1), fixed(year, 5, revised ? 2 : 1));
        LocalDate dragonBoat = lunar(year, 5, 5);
        add(days, taken, "端午节", dragonBoat, dragonBoat);
        LocalDate midAutumn = lunar(year, 8, 15);
        add(days, taken, "中秋节", midAutumn, midAutumn);
        add(days, taken, "国庆节", fixed(year, 10, 1), fixed(year, 10, 3));
        days.sort((a, b) -> a.from().compareTo(b.from()));
        return new CalendarYear(year, "《全国年节及纪念日放假办法》（" + (revised ? "2024" : "2013") + " 年修订）规定的假日，调休尚未公布",
                days, List.of());
    }

    private static LocalDate fixed(int year, int month, int day) {
        return MonthDay.of(month, day).atYear(year);
    }

    /** A holiday of consecutive days, leaving out days another holiday already has. */
    private static void add(List<Holiday> days, Set<LocalDate> taken, String name, LocalDate from, LocalDate to) {
        LocalDate start = null;
        for (LocalDate d = from; !d.isAfter(to.plusDays(1)); d = d.plusDays(1)) {
            boolean free = !d.isAfter(to) && taken.add(d);
            if (free && start == null) {
                start = d;
            } else if (!free && start != null) {
                days.add(new Holiday(name, start, d.minusDays(1)));
                start = null;
            }
        }
    }

    /** The Gregorian date of a day of a (not leap) month of the lunar year that begins in a Gregorian year. */
    static LocalDate lunar(int year, int month, int day) {
        ChineseCalendar chinese = new ChineseCalendar(BEIJING);
        GregorianCalendar gregorian = new GregorianCalendar(BEIJING);
        gregorian.clear();
        // 1 June is always in the lunar year that began that January or February
        gregorian.set(year, Calendar.JUNE, 1, 12, 0);
        chinese.setTimeInMillis(gregorian.getTimeInMillis());
        int era = chinese.get(Calendar.ERA);
        int lunarYear = chinese.get(Calendar.YEAR);
        chinese.clear();
        chinese.set(Calendar.ERA, era);
        chinese.set(Calendar.YEAR, lunarYear);
        chinese.set(Calendar.MONTH, month - 1);
        chinese.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        chinese.set(Calendar.DAY_OF_MONTH, 1);
        chinese.set(Calendar.HOUR_OF_DAY, 12);
        gregorian.setTimeInMillis(chinese.getTimeInMillis());
        LocalDate icuFirst = LocalDate.of(gregorian.get(Calendar.YEAR), gregorian.get(Calendar.MONTH) + 1,
                gregorian.get(Calendar.DAY_OF_MONTH));
        return Astronomy.newMoonNear(icuFirst).plusDays(day - 1);
    }
}
