package org.onewindow.rest;

import java.util.Arrays;
import java.util.Locale;

import org.onewindow.problem.Problem;

/**
 * Reads query parameters as text and converts them with clear errors: a JAX-RS conversion failure
 * would otherwise answer 404, as if the endpoint did not exist.
 */
public final class QueryParams {
    /** Deeper than any list goes; keeps the row offset {@code (page - 1) * size} within an int. */
    public static final int MAX_PAGE = 100_000;

    private QueryParams() {
    }

    /** Refuses ({@code INVALID_QUERY}) a page outside 1..{@value #MAX_PAGE} or a size outside 1..maxSize. */
    public static void checkPage(int page, int size, int maxSize) {
        if (page < 1 || page > MAX_PAGE) {
            throw Problem.badRequest("INVALID_QUERY", "page 须在 1 到 " + MAX_PAGE + " 之间");
        }
        if (size < 1 || size > maxSize) {
            throw Problem.badRequest("INVALID_QUERY", "size 须在 1 到 " + maxSize + " 之间");
        }
    }

    /** An integer parameter, or {@code INVALID_QUERY}. */
    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw Problem.badRequest("INVALID_QUERY", name + " 须为整数，当前为 '" + value + "'");
        }
    }

    /** An enum parameter (null when absent), or {@code INVALID_QUERY} naming the allowed values. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("INVALID_QUERY", name + " 取值无效 '" + value + "'，应为 "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
