package org.onewindow.calendar.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CalendarFilesTest {
    /** The files the appliance ships. */
    static final Path SHIPPED = Paths.get("../../etc/onewindow/calendar");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void shippedFilesAreTheNotices() {
        CalendarFiles.Loaded loaded = CalendarFiles.load(SHIPPED, Map.of());
        assertEquals(List.of(), loaded.refused);
        assertEquals(2, loaded.years.size());
        same(Schedules.y2025(), loaded.years.get(0));
        same(Schedules.y2026(), loaded.years.get(1));
        assertEquals("国务院办公厅关于2026年部分节假日安排的通知", loaded.years.get(1).source);
        assertEquals("元旦调休", loaded.years.get(1).workdays.get(0).note());
        OfficialCalendar cal = new OfficialCalendar(loaded.years);
        assertEquals(248, cal.workingDaysIn(2025));
        assertEquals(248, cal.workingDaysIn(2026));
    }

    private static void same(CalendarYear expected, CalendarYear actual) {
        assertEquals(expected.year, actual.year);
        assertEquals(text(expected), text(actual));
    }

    private static String text(CalendarYear y) {
        return y.holidays.stream().map(h -> h.name() + " " + h.from() + ".." + h.to()).collect(Collectors.joining(", "))
                + " / " + y.workdays.stream().map(w -> w.date().toString()).collect(Collectors.joining(", "));
    }

    @Test
    public void yearMustMatchTheFileName() {
        refused("year: 2025, but the file is named 2026.json", "{\"year\": 2025, \"holidays\": [], \"workdays\": []}");
    }

    @Test
    public void notJson() {
        String message = message("{\"year\": 2026, \"holidays\": [");
        assertTrue(message, message.startsWith("not valid JSON at line 1, column 29: Unexpected end-of-input"));
        assertTrue(message, message.endsWith("(start marker at line: 1, column: 28)"));
        assertTrue(message("{\"year\": 2026, \"year\": 2026, \"holidays\": [], \"workdays\": []}").contains("Duplicate field 'year'"));
        refused("not a JSON object {\"year\": ..., \"holidays\": [...], \"workdays\": [...]}", "[]");
        refused("not a JSON object {\"year\": ..., \"holidays\": [...], \"workdays\": [...]}", "");
    }

    @Test
    public void fieldsAreNamed() {
        refused("holiday: unknown field (expected holidays, source, workdays, year)",
                "{\"year\": 2026, \"holiday\": [], \"workdays\": []}");
        refused("workdays: missing or not a list [...] (an empty list [] is allowed)", "{\"year\": 2026, \"holidays\": []}");
        refused("year: missing or not a whole number", "{\"year\": \"2026\", \"holidays\": [], \"workdays\": []}");
        refused("holidays[0].from: \"2026-1-1\" is not a date such as 2027-01-01",
                "{\"year\": 2026, \"holidays\": [{\"name\": \"元旦\", \"from\": \"2026-1-1\", \"to\": \"2026-01-03\"}], \"workdays\": []}");
        refused("holidays[0].name: missing",
                "{\"year\": 2026, \"holidays\": [{\"from\": \"2026-01-01\", \"to\": \"2026-01-03\"}], \"workdays\": []}");
        refused("workdays[0].day: unknown field (expected date, note)",
                "{\"year\": 2026, \"holidays\": [], \"workdays\": [{\"day\": \"2026-01-04\"}]}");
        refused("workdays[0].date: 2026-01-05 is a MONDAY, but a makeup working day is always a Saturday or Sunday",
                "{\"year\": 2026, \"holidays\": [], \"workdays\": [{\"date\": \"2026-01-05\", \"note\": \"元旦调休\"}]}");
        refused("workdays[0].date: 2026-01-03 is also a day off in holidays[0] (元旦)",
                "{\"year\": 2026, \"holidays\": [{\"name\": \"元旦\", \"from\": \"2026-01-01\", \"to\": \"2026-01-03\"}],"
                + " \"workdays\": [{\"date\": \"2026-01-03\"}]}");
    }

    @Test
    public void aBadFileLeavesTheOtherYears() throws IOException {
        Path dir = tmp.getRoot().toPath();
        Files.copy(SHIPPED.resolve("2026.json"), dir.resolve("2026.json"));
        Files.writeString(dir.resolve("2025.json"), "{\"year\": 2024, \"holidays\": [], \"workdays\": []}", UTF_8);
        Files.writeString(dir.resolve("notes.json"), "{}", UTF_8);
        Files.writeString(dir.resolve("README.md"), "not a schedule", UTF_8);
        CalendarFiles.Loaded loaded = CalendarFiles.load(dir, Map.of());
        assertEquals(List.of("2025.json"), loaded.refused);
        assertEquals(List.of(2026), loaded.years.stream().map(y -> y.year).collect(Collectors.toList()));

        // a year loaded before keeps that schedule while its file is broken
        CalendarFiles.Loaded again = CalendarFiles.load(dir, Map.of(2025, Schedules.y2025()));
        assertEquals(List.of("2025.json"), again.refused);
        assertEquals(List.of(2025, 2026), again.years.stream().map(y -> y.year).sorted().collect(Collectors.toList()));
    }

    @Test
    public void noFolderNoYears() {
        CalendarFiles.Loaded loaded = CalendarFiles.load(tmp.getRoot().toPath().resolve("absent"), Map.of());
        assertTrue(loaded.years.isEmpty());
        assertTrue(CalendarFiles.stamps(tmp.getRoot().toPath().resolve("absent")).isEmpty());
    }

    private static void refused(String expected, String json) {
        assertEquals(expected, message(json));
    }

    private static String message(String json) {
        try {
            CalendarFiles.parse(2026, json.getBytes(UTF_8));
            fail("accepted: " + json);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
