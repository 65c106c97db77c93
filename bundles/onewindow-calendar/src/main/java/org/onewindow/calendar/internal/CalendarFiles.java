package org.onewindow.calendar.internal;

import org.onewindow.calendar.internal.CalendarYear.Holiday;
import org.onewindow.calendar.internal.CalendarYear.Workday;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.onewindow.node.JsonFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule files {@code <year>.json} of a folder. A refused file is logged, naming file and
 * field, and never stops the other years from loading.
 */
final class CalendarFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarFiles.class);
    static final Pattern NAME = Pattern.compile("(\\d{4})\\.json");
    // a key given twice is a mistake in an edited file, not "the last one wins"
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private CalendarFiles() {
    }

    /** What a folder held: the schedules, and the files refused. */
    static final class Loaded {
        final List<CalendarYear> years = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
    }

    /**
     * Reads every schedule of a folder. A refused file of a year that was loaded before keeps the
     * schedule from before, so that a slip while editing does not shorten running time limits.
     */
    static Loaded load(Path dir, Map<Integer, CalendarYear> before) {
        Loaded out = new Loaded();
        for (Path file : files(dir)) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (!m.matches()) {
                LOG.warn("Calendar file {} ignored: a schedule is named <year>.json, such as 2027.json", file);
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            try {
                out.years.add(parse(year, Files.readAllBytes(file)));
            } catch (IllegalArgumentException e) {
                refuse(out, file, year, e.getMessage(), before.get(year));
            } catch (IOException e) {
                refuse(out, file, year, "cannot be read: " + e, before.get(year));
            }
        }
        return out;
    }

    private static void refuse(Loaded out, Path file, int year, String why, CalendarYear before) {
        out.refused.add(file.getFileName().toString());
        if (before != null) {
            out.years.add(before);
            LOG.error("Holiday schedule {} refused: {}. {} keeps the schedule loaded before until the file is fixed",
                    file, why, year);
        } else {
            LOG.error("Holiday schedule {} refused: {}. Time limits in {} count weekends and the fixed statutory holidays only until the file is fixed",
                    file, why, year);
        }
    }

    /** The *.json files of a folder, by name; none when it cannot be read (logged). */
    static List<Path> files(Path dir) {
        try {
            return JsonFiles.in(dir);
        } catch (UncheckedIOException e) {
            LOG.error("Cannot list calendar folder {}: {}", dir, e.getCause().getMessage());
            return List.of();
        }
    }

    /** Name to modification time and size of each *.json file: when this changes, the folder is read again. */
    static Map<String, String> stamps(Path dir) {
        Map<String, String> out = new TreeMap<>();
        for (Path file : files(dir)) {
            try {
                out.put(file.getFileName().toString(), Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file));
            } catch (IOException e) {
                // removed while listing: the next look sees the folder as it is then
            }
        }
        return out;
    }

    /** One schedule from the JSON of {@code <year>.json}; refused with the field that is wrong. */
    static CalendarYear parse(int fileYear, byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + withoutSource(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object {\"year\": ..., \"holidays\": [...], \"workdays\": [...]}");
        }
        onlyFields(root, "", Set.of("year", "source", "holidays", "workdays"));
        JsonNode year = root.get("year");
        if (year == null || !year.isInt()) {
            throw new IllegalArgumentException("year: missing or not a whole number");
        }
        if (year.intValue() != fileYear) {
            throw new IllegalArgumentException("year: " + year.intValue() + ", but the file is named " + fileYear + ".json");
        }
        List<Holiday> holidays = new ArrayList<>();
        JsonNode hs = array(root, "holidays");
        for (int i = 0; i < hs.size(); i++) {
            String field = "holidays[" + i + "]";
            JsonNode h = object(hs.get(i), field);
            onlyFields(h, field + ".", Set.of("name", "from", "to"));
            try {
                holidays.add(new Holiday(text(h, "name"), date(h, "from"), date(h, "to")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "." + e.getMessage());
            }
        }
        List<Workday> workdays = new ArrayList<>();
        JsonNode ws = array(root, "workdays");
        for (int i = 0; i < ws.size(); i++) {
            String field = "workdays[" + i + "]";
            JsonNode w = object(ws.get(i), field);
            onlyFields(w, field + ".", Set.of("date", "note"));
            try {
                workdays.add(new Workday(date(w, "date"), text(w, "note")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "." + e.getMessage());
            }
        }
        return new CalendarYear(fileYear, text(root, "source"), holidays, workdays);
    }

    /** Leaves out the source that Jackson names beside a line and column (redacted anyway). */
    static String withoutSource(String message) {
        return message.replaceAll("\\[Source: [^\\]]*?; (line: \\d+, column: \\d+)\\]", "$1");
    }

    // a misspelt key would silently drop holidays or makeup days: refuse it instead
    private static void onlyFields(JsonNode node, String prefix, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(prefix + name + ": unknown field (expected " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static JsonNode array(JsonNode root, String field) {
        JsonNode a = root.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException(field + ": missing or not a list [...] (an empty list [] is allowed)");
        }
        return a;
    }

    private static JsonNode object(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(field + ": not an object {...}");
        }
        return node;
    }

    /** A text field, null when absent. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + ": not a text \"...\"");
        }
        return v.textValue();
    }

    private static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": \"" + v + "\" is not a date such as 2027-01-01");
        }
    }
}
