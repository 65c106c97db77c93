package org.onewindow.simulator;

import java.io.PrintStream;
import java.time.Instant;

/**
 * One line per event to stdout: {@code <instant> <EVENT> key=value ...}. Identity numbers are
 * masked with {@link #mask(String)} by the callers; request bodies are never logged.
 */
final class EventLog {
    private final PrintStream out;
    private final String department;

    EventLog(PrintStream out, String department) {
        this.out = out;
        this.department = department;
    }

    /** {@code pairs}: key, value, key, value, ...; null values are left out. */
    void event(String event, Object... pairs) {
        StringBuilder line = new StringBuilder(128).append(Instant.now()).append(' ').append(department).append(' ').append(event);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                line.append(' ').append(pairs[i]).append('=').append(pairs[i + 1]);
            }
        }
        out.println(line);
    }

    /** All but the first 6 and the last 4 characters masked; a value of 10 characters or fewer wholly. */
    static String mask(String id) {
        if (id == null) {
            return null;
        }
        int n = id.length();
        if (n <= 10) {
            return "*".repeat(n);
        }
        return id.substring(0, 6) + "*".repeat(n - 10) + id.substring(n - 4);
    }

    /** A throwable for a log line or an error message: its class and message on one line, quoted. */
    static String oneLine(Throwable e) {
        String m = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return "'" + m.replace('\n', ' ').replace('\r', ' ') + "'";
    }
}
