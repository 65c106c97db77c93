package org.onewindow.calendar.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onewindow.calendar.internal.Schedules.d;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileWorkingCalendarTest {
    private static final String Y2027 = "{\"year\": 2027, \"holidays\": [{\"name\": \"元旦\", \"from\": \"2027-01-01\", \"to\": \"2027-01-01\"}],"
            + " \"workdays\": []}";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path dir;
    private final FileWorkingCalendar calendar = new FileWorkingCalendar();

    @Before
    public void shippedFiles() throws IOException {
        dir = tmp.getRoot().toPath();
        for (String name : new String[] {"2025.json", "2026.json"}) {
            Files.copy(CalendarFilesTest.SHIPPED.resolve(name), dir.resolve(name));
        }
        calendar.clock = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), FileWorkingCalendar.CHINA);
    }

    @After
    public void stop() {
        calendar.deactivate();
    }

    @Test
    public void statusShowsWhatIsMissing() {
        calendar.activate(config(dir, 0));
        assertEquals("calendar (工作日历)", calendar.capability());
        Map<String, Object> status = calendar.status();
        assertEquals(List.of("years", "missing", "directory"), List.copyOf(status.keySet()));
        assertEquals("2025, 2026", status.get("years"));
        assertEquals("2027 (time limits count weekends and the fixed statutory holidays, no makeup days)", status.get("missing"));
        assertEquals(dir, status.get("directory"));
        assertEquals(d("2026-10-08"), calendar.plusWorkingDays(d("2026-09-30"), 1));
    }

    @Test
    public void newYearsDayOfAnUnpublishedYearIsADayOff() {
        calendar.activate(config(dir, 0));
        assertFalse("元旦 2027, a Friday", calendar.isWorkingDay(d("2027-01-01")));
        assertEquals(d("2027-01-04"), calendar.plusWorkingDays(d("2026-12-31"), 1));
        assertEquals(List.of(2027), calendar.missingYears(d("2026-12-31"), d("2027-01-04")));
    }

    @Test
    public void aMissingYearMakesTheNodeDegradedUntilItsFileIsThere() throws IOException {
        calendar.activate(config(dir, 0));
        assertEquals(1, calendar.healthReasons().size());
        assertEquals("CALENDAR_YEAR_MISSING", calendar.healthReasons().get(0).code());
        assertTrue(calendar.healthReasons().get(0).message(), calendar.healthReasons().get(0).message().contains(dir.resolve("2027.json").toString()));
        Files.writeString(dir.resolve("2027.json"), Y2027);
        calendar.reload();
        assertEquals(List.of(), calendar.healthReasons());
    }

    @Test
    public void theYearBeijingTimeSays() {
        // 31 December 2026, 16:30 UTC is already 1 January 2027 in Beijing
        calendar.clock = Clock.fixed(Instant.parse("2026-12-31T16:30:00Z"), FileWorkingCalendar.CHINA);
        calendar.activate(config(dir, 0));
        assertEquals("2027, 2028 (time limits count weekends and the fixed statutory holidays, no makeup days)", calendar.status().get("missing"));
        assertEquals("No official holiday schedule for 2027, 2028 in " + dir + ": time limits reaching into 2027, 2028"
                + " count weekends and the holidays the national rules fix, but no makeup working days (调休), until "
                + dir.resolve("2027.json") + " and " + dir.resolve("2028.json") + " are added",
                FileWorkingCalendar.missingWarning(dir, List.of(2027, 2028)));
    }

    @Test
    public void changedFilesAreReadAgain() throws IOException {
        calendar.activate(config(dir, 0));
        FileWorkingCalendar.Snapshot first = calendar.snapshot;
        calendar.check();
        assertTrue("nothing changed, nothing read", first == calendar.snapshot);

        Files.writeString(dir.resolve("2027.json"), Y2027, UTF_8);
        calendar.check();
        assertEquals(List.of(2025, 2026, 2027), List.copyOf(calendar.knownYears()));
        assertEquals("none", calendar.status().get("missing"));
        assertFalse(calendar.isWorkingDay(d("2027-01-01")));

        // broken while running: 2026 keeps its schedule, and the status says so
        Files.writeString(dir.resolve("2026.json"), "{\"year\": 2026, \"holidays\": [", UTF_8);
        calendar.check();
        assertEquals(List.of(2025, 2026, 2027), List.copyOf(calendar.knownYears()));
        assertEquals(248, calendar.current().workingDaysIn(2026));
        assertEquals("2026.json (see the log)", calendar.status().get("refused"));

        Files.delete(dir.resolve("2027.json"));
        Files.copy(CalendarFilesTest.SHIPPED.resolve("2026.json"), dir.resolve("2026.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(dir.resolve("2026.json"), FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
        calendar.check();
        assertEquals(List.of(2025, 2026), List.copyOf(calendar.knownYears()));
        assertEquals(null, calendar.status().get("refused"));
        assertEquals(List.of(2027), calendar.missingYears(d("2026-12-01"), d("2027-01-10")));
    }

    @Test
    public void theWatcherReloadsByItself() throws Exception {
        calendar.activate(config(dir, 1));
        Files.writeString(dir.resolve("2027.json"), Y2027, UTF_8);
        long until = System.currentTimeMillis() + 10_000;
        while (!calendar.knownYears().contains(2027) && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertTrue(calendar.knownYears().contains(2027));
    }

    @Test
    public void commandText() {
        calendar.activate(config(dir, 0));
        String overview = CalendarCommand.overview(calendar.current(), dir, 2026, List.of());
        assertTrue(overview, overview.contains("  2026  248 working days, 7 holidays, 6 makeup working days  国务院办公厅关于2026年部分节假日安排的通知"));
        assertTrue(overview, overview.contains("  2025  248 working days, 6 holidays, 5 makeup working days"));
        assertTrue(overview, overview.contains("WARNING: No official holiday schedule for 2027 in " + dir));

        String year = CalendarCommand.yearReport(calendar.current(), dir, 2026);
        assertTrue(year, year.contains("  2026-02-15 Sun .. 2026-02-23 Mon   9 days  春节"));
        assertTrue(year, year.contains("  2026-10-10 Sat  国庆节调休"));
        assertTrue(year, year.endsWith("248 working days in 2026" + System.lineSeparator()));

        String missing = CalendarCommand.yearReport(calendar.current(), dir, 2027);
        assertTrue(missing, missing.startsWith("No official holiday schedule for 2027 in " + dir
                + ": days in 2027 count weekends and the holidays the national rules fix, but no makeup working days (254 working days)."));
        assertTrue(missing, missing.contains("  2027-02-05 Fri .. 2027-02-08 Mon   4 days  春节"));
        assertTrue(missing, missing.contains(dir.resolve("2027.json").toString()));
    }

    static CalendarConfig config(Path dir, int reloadSeconds) {
        return new CalendarConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CalendarConfig.class;
            }

            @Override
            public String directory() {
                return dir.toString();
            }

            @Override
            public int reloadSeconds() {
                return reloadSeconds;
            }
        };
    }
}
