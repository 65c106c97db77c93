package org.onewindow.evaluation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.onewindow.problem.Problem;

/** The days a question asks about: {@code from}–{@code to} inclusive, by default this month to today; at most 366 days. */
public final class Periods {
    static final int MAX_DAYS = 366;

    private Periods() {
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public static Period of(String from, String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : day(to);
        LocalDate start = from == null || from.isBlank() ? end.withDayOfMonth(1) : day(from);
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw invalid();
        }
        return new Period(start, end);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static Problem invalid() {
        return Problem.badRequest("INVALID_PERIOD", "起止日期须为 yyyy-MM-dd，起始不晚于截止，且不超过 " + MAX_DAYS + " 天");
    }
}
