package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Reads every log the appliances of this integration run wrote ({@code target/exam/<run>/data/log/*.log}, kept by
 * {@code keepRuntimeFolder()}) for a whole resident ID number (18 characters whose GB 11643 check digit is right,
 * so that case numbers and timestamps are not taken for one) or a mainland mobile number (11 digits, 1[3-9], a
 * token of its own). Not a Pax Exam test: the failsafe plugin runs it in an execution of its own after every
 * other integration test of the same build (distribution/itests/pom.xml). It fails on a run without logs, so it
 * cannot pass by reading nothing.
 */
public class LogsWithoutPersonalDataIT {
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    /** A karaf.log of a whole appliance run has hundreds of lines; fewer means the run did not happen. */
    static final int MIN_LINES = 100;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @Test
    public void noLogLineOfTheRunHoldsAnIdNumberOrAMobile() throws IOException {
        Path exam = Paths.get(System.getProperty("onewindow.exam", "target/exam"));
        List<Path> logs = logs(exam);
        List<String> hits = new ArrayList<>();
        int karafLogs = 0;
        long lines = 0;
        for (Path log : logs) {
            List<String> text = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            lines += text.size();
            if (log.getFileName().toString().equals("karaf.log") && text.size() >= MIN_LINES) {
                karafLogs++;
            }
            for (int i = 0; i < text.size(); i++) {
                String line = new String(text.get(i).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                if (holdsPersonalData(line)) {
                    hits.add(exam.relativize(log) + ":" + (i + 1) + ": " + masked(line));
                }
            }
        }
        System.out.println("Read " + logs.size() + " logs (" + lines + " lines) under " + exam.toAbsolutePath());
        assertTrue("no karaf.log of at least " + MIN_LINES + " lines under " + exam.toAbsolutePath() + " (" + logs + "): run the other integration tests first",
                karafLogs > 0);
        assertEquals("log lines with a whole ID number or mobile:\n" + String.join("\n", hits), 0, hits.size());
    }

    @Test
    public void theCheckFindsWhatItLooksFor() {
        assertTrue(holdsPersonalData("User admin denied PUT citizens/441302199003071238/mobile"));
        assertTrue(holdsPersonalData("Sign-in code sent to 13812345678"));
        assertTrue(holdsPersonalData("applicant 11010519491231002X"));
        assertTrue("a lower-case x check digit", holdsPersonalData("holder 11010519491231002x."));
        assertTrue(!holdsPersonalData("Case 441302-20261206-0001 taken in by clerk, applicant 441302********1238"));
        assertTrue("a wrong check digit is no ID number", !holdsPersonalData("journal 441302199003071237"));
        assertTrue("a timestamp in milliseconds", !holdsPersonalData("started at 1796544000123"));
        assertTrue("part of a longer number", !holdsPersonalData("sequence 9913812345678"));
        assertTrue("a masked mobile", !holdsPersonalData("to 138****5678"));
    }

    static boolean holdsPersonalData(String line) {
        Matcher id = ID_NUMBER.matcher(line);
        while (id.find()) {
            if (validCheckDigit(id.group())) {
                return true;
            }
        }
        return MOBILE.matcher(line).find();
    }

    static boolean validCheckDigit(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
    }

    /** The line as it may be printed: every run of 11 digits or more cut to its first 6 and last 2. */
    static String masked(String line) {
        return Pattern.compile("\\d{11,}[\\dXx]?").matcher(line)
                .replaceAll(m -> m.group().substring(0, 6) + "*".repeat(m.group().length() - 8) + m.group().substring(m.group().length() - 2));
    }

    private static List<Path> logs(Path exam) throws IOException {
        if (!Files.isDirectory(exam)) {
            return List.of();
        }
        try (Stream<Path> runs = Files.list(exam)) {
            List<Path> out = new ArrayList<>();
            for (Path run : runs.sorted().collect(Collectors.toList())) {
                Path dir = run.resolve("data/log");
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.filter(f -> f.getFileName().toString().contains(".log")).sorted().forEach(out::add);
                    }
                }
            }
            return out;
        }
    }
}
