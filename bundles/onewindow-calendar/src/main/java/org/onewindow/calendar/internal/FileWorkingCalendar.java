package org.onewindow.calendar.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.node.HealthReason;
import org.onewindow.node.StatusContributor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working-day calendar from the schedule files {@code etc/onewindow/calendar/<year>.json}, read
 * again when a file is added, changed or removed. Readers use the calendar of the moment without
 * locking: a reload makes a new one and swaps it in whole.
 */
@Component(service = {WorkingCalendar.class, StatusContributor.class, FileWorkingCalendar.class},
        configurationPid = CalendarConfig.PID)
@Designate(ocd = CalendarConfig.class)
public class FileWorkingCalendar implements WorkingCalendar, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(FileWorkingCalendar.class);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Whose year is "this year": the halls keep Beijing time, whatever the server's zone. */
    Clock clock = Clock.system(CHINA);
    Path directory;
    volatile Snapshot snapshot = new Snapshot(OfficialCalendar.weekendsOnly(), Map.of(), List.of());
    /** The year the last warning about missing years was given in: it is given again when the year turns. */
    private volatile int warnedIn;
    private ScheduledExecutorService watcher;

    /** The calendar and what it was read from, never changed once made. */
    record Snapshot(OfficialCalendar calendar, Map<String, String> stamps, List<String> refused) {
        Snapshot {
            stamps = Map.copyOf(stamps);
            refused = List.copyOf(refused);
        }
    }

    @Activate
    void activate(CalendarConfig config) {
        directory = config.directory().isBlank()
                ? Paths.get(System.getProperty("karaf.etc", "etc"), "onewindow", "calendar")
                : Paths.get(config.directory());
        reload();
        int seconds = config.reloadSeconds();
        if (seconds > 0) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "onewindow-calendar-watcher");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::check, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** Reads the folder again when its files changed; warns again when the year turned. */
    void check() {
        try {
            if (!CalendarFiles.stamps(directory).equals(snapshot.stamps())) {
                reload();
            } else if (thisYear() != warnedIn) {
                warnAboutMissing();
            }
        } catch (RuntimeException e) {
            // an exception would end the scheduled checks for good
            LOG.error("Checking the calendar folder {} failed: {}", directory, e.toString());
        }
    }

    /** Only activation and the watcher call this, never at once with each other, but be sure. */
    synchronized void reload() {
        // the stamps are taken first: a file changed while being read is read again at the next check
        Map<String, String> stamps = CalendarFiles.stamps(directory);
        if (!Files.isDirectory(directory)) {
            LOG.warn("Calendar folder {} does not exist", directory);
        }
        CalendarFiles.Loaded loaded = CalendarFiles.load(directory, snapshot.calendar().schedules());
        Set<Integer> published = loaded.years.stream().map(y -> y.year).collect(Collectors.toSet());
        snapshot = new Snapshot(new OfficialCalendar(loaded.years, StatutoryHolidays.provisional(published)), stamps, loaded.refused);
        LOG.info("Working calendar (工作日历) read from {}: {}", directory, years(snapshot.calendar().knownYears()));
        warnAboutMissing();
    }

    private void warnAboutMissing() {
        int year = thisYear();
        warnedIn = year;
        List<Integer> missing = missingSoon(snapshot.calendar(), year);
        if (missing.isEmpty()) {
            return;
        }
        LOG.warn("{}", missingWarning(directory, missing));
    }

    /** What to tell district IT about years without a schedule. */
    static String missingWarning(Path directory, List<Integer> missing) {
        String years = years(missing);
        String files = missing.stream().map(y -> directory.resolve(y + ".json").toString())
                .collect(Collectors.joining(" and "));
        return "No official holiday schedule for " + years + " in " + directory + ": time limits reaching into " + years
                + " count weekends and the holidays the national rules fix, but no makeup working days (调休), until " + files
                + (missing.size() == 1 ? " is" : " are") + " added";
    }

    /** This year and the next, where they have no schedule. */
    static List<Integer> missingSoon(OfficialCalendar calendar, int year) {
        List<Integer> out = new ArrayList<>();
        for (int y = year; y <= year + 1; y++) {
            if (!calendar.knownYears().contains(y)) {
                out.add(y);
            }
        }
        return out;
    }

    int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    /** The calendar of the moment, with the schedules behind it. */
    OfficialCalendar current() {
        return snapshot.calendar();
    }

    static String years(Iterable<Integer> years) {
        List<String> out = new ArrayList<>();
        years.forEach(y -> out.add(String.valueOf(y)));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return snapshot.calendar().isWorkingDay(day);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        return snapshot.calendar().plusWorkingDays(start, days);
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return snapshot.calendar().workingDaysBetween(fromExclusive, toInclusive);
    }

    @Override
    public SortedSet<Integer> knownYears() {
        return snapshot.calendar().knownYears();
    }

    @Override
    public List<Integer> missingYears(LocalDate from, LocalDate to) {
        return snapshot.calendar().missingYears(from, to);
    }

    @Override
    public String capability() {
        return "calendar (工作日历)";
    }

    /** This year or the next without a schedule: time limits reaching into it miss the makeup days, so the node is DEGRADED. */
    @Override
    public List<HealthReason> healthReasons() {
        List<Integer> missing = missingSoon(snapshot.calendar(), thisYear());
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(new HealthReason("CALENDAR_YEAR_MISSING", "工作日历缺少 " + years(missing) + " 年的节假日安排，涉及该年的办理时限按周末和放假办法规定的假日计算，未计调休：请按国务院办公厅通知添加 "
                + missing.stream().map(y -> directory.resolve(y + ".json").toString()).collect(Collectors.joining("、")) + "（onewindow:calendar）"));
    }

    @Override
    public Map<String, Object> status() {
        Snapshot s = snapshot;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("years", years(s.calendar.knownYears()));
        List<Integer> missing = missingSoon(s.calendar, thisYear());
        out.put("missing", missing.isEmpty() ? "none" : years(missing) + " (time limits count weekends and the fixed statutory holidays, no makeup days)");
        out.put("directory", directory);
        if (!s.refused.isEmpty()) {
            out.put("refused", String.join(", ", s.refused) + " (see the log)");
        }
        return out;
    }
}
