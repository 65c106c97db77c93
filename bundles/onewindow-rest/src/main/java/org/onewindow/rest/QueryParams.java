package org.onewindow.rest;

import java.util.Arrays;
import java.util.Locale;

import org.onewindow.problem.Problem;

/**
 * Reads query parameters as text and converts them with clear errors: a JAX-RS conversion failure
 * would otherwise answer 404, as if the endpoint did not exist.
 */
public final class QueryParams {
    private QueryParams() {
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
