package org.onewindow.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's switches, changed at run time through {@code POST /admin/config} and set at start
 * from the command line. Reads are of volatile fields; a change is checked whole before any of it
 * takes effect.
 */
public final class Switches {
    public static final Set<String> DECISIONS = Set.of("APPROVED", "DENIED", "SUPPLEMENT");
    /** The names, in the order {@link #toMap()} gives them. */
    public static final List<String> NAMES = List.of("latencyMs", "errorRate", "down", "duplicateCallbacks", "decision",
            "decisionDelayMs", "autoDecide", "supplementMaterials", "callbackAttempts", "callbackBackoffMs");

    /** Sleep before answering each {@code POST /cases}. */
    volatile long latencyMs;
    /** Share (0..1) of {@code POST /cases} answered 503 before anything is recorded. */
    volatile double errorRate;
    /** The main port closed (connection refused). */
    volatile boolean down;
    /** Every decision callback sent twice, the second after the first got its answer. */
    volatile boolean duplicateCallbacks;
    /** APPROVED, DENIED or SUPPLEMENT. */
    volatile String decision = "APPROVED";
    /** From delivery to decision callback. */
    volatile long decisionDelayMs = 200;
    /** When false, cases are held and never decided (unless by {@code POST /admin/decide}). */
    volatile boolean autoDecide = true;
    /** The material codes a SUPPLEMENT decision asks for. */
    volatile List<String> supplementMaterials = List.of("M01");
    /** Tries of one callback before it is abandoned. */
    volatile int callbackAttempts = 8;
    /** The first retry delay of a callback; doubles with each try (1 s, 2 s, 4 s, ...). */
    volatile long callbackBackoffMs = 1000;

    public long latencyMs() {
        return latencyMs;
    }

    public double errorRate() {
        return errorRate;
    }

    public boolean down() {
        return down;
    }

    public boolean duplicateCallbacks() {
        return duplicateCallbacks;
    }

    public String decision() {
        return decision;
    }

    public long decisionDelayMs() {
        return decisionDelayMs;
    }

    public boolean autoDecide() {
        return autoDecide;
    }

    public List<String> supplementMaterials() {
        return supplementMaterials;
    }

    public int callbackAttempts() {
        return callbackAttempts;
    }

    public long callbackBackoffMs() {
        return callbackBackoffMs;
    }

    /** The current values, by name. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latencyMs", latencyMs);
        m.put("errorRate", errorRate);
        m.put("down", down);
        m.put("duplicateCallbacks", duplicateCallbacks);
        m.put("decision", decision);
        m.put("decisionDelayMs", decisionDelayMs);
        m.put("autoDecide", autoDecide);
        m.put("supplementMaterials", supplementMaterials);
        m.put("callbackAttempts", callbackAttempts);
        m.put("callbackBackoffMs", callbackBackoffMs);
        return m;
    }

    /**
     * Changes the named switches. Values may be of their JSON type or text (from the command line:
     * "true", "50", "M01,M02"). Nothing changes when any name or value is wrong.
     *
     * @throws IllegalArgumentException naming the wrong switch or value
     */
    public synchronized void apply(Map<String, ?> changes) {
        Switches next = copy();
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            next.set(e.getKey(), e.getValue());
        }
        latencyMs = next.latencyMs;
        errorRate = next.errorRate;
        down = next.down;
        duplicateCallbacks = next.duplicateCallbacks;
        decision = next.decision;
        decisionDelayMs = next.decisionDelayMs;
        autoDecide = next.autoDecide;
        supplementMaterials = next.supplementMaterials;
        callbackAttempts = next.callbackAttempts;
        callbackBackoffMs = next.callbackBackoffMs;
    }

    private Switches copy() {
        Switches s = new Switches();
        s.latencyMs = latencyMs;
        s.errorRate = errorRate;
        s.down = down;
        s.duplicateCallbacks = duplicateCallbacks;
        s.decision = decision;
        s.decisionDelayMs = decisionDelayMs;
        s.autoDecide = autoDecide;
        s.supplementMaterials = supplementMaterials;
        s.callbackAttempts = callbackAttempts;
        s.callbackBackoffMs = callbackBackoffMs;
        return s;
    }

    private void set(String name, Object value) {
        switch (name) {
            case "latencyMs":
                latencyMs = number(name, value, 0, 600_000);
                break;
            case "errorRate": {
                double rate = real(name, value);
                if (!(rate >= 0 && rate <= 1)) {
                    throw new IllegalArgumentException("errorRate must be between 0 and 1, not " + value);
                }
                errorRate = rate;
                break;
            }
            case "down":
                down = bool(name, value);
                break;
            case "duplicateCallbacks":
                duplicateCallbacks = bool(name, value);
                break;
            case "decision": {
                String d = value == null ? "" : value.toString().strip().toUpperCase(Locale.ROOT);
                if (!DECISIONS.contains(d)) {
                    throw new IllegalArgumentException("decision must be APPROVED, DENIED or SUPPLEMENT, not " + value);
                }
                decision = d;
                break;
            }
            case "decisionDelayMs":
                decisionDelayMs = number(name, value, 0, 86_400_000);
                break;
            case "autoDecide":
                autoDecide = bool(name, value);
                break;
            case "supplementMaterials":
                supplementMaterials = codes(value);
                break;
            case "callbackAttempts":
                callbackAttempts = (int) number(name, value, 1, 100);
                break;
            case "callbackBackoffMs":
                callbackBackoffMs = number(name, value, 0, 3_600_000);
                break;
            default:
                throw new IllegalArgumentException("unknown switch '" + name + "'; the switches are " + NAMES);
        }
    }

    private static long number(String name, Object value, long min, long max) {
        long n;
        if (value instanceof Number && !(value instanceof Double || value instanceof Float)) {
            n = ((Number) value).longValue();
        } else {
            try {
                n = Long.parseLong(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + value);
            }
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    private static double real(String name, Object value) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + value);
        }
    }

    private static boolean bool(String name, Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        String s = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        if ("true".equals(s)) {
            return true;
        }
        if ("false".equals(s)) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false, not " + value);
    }

    private static List<String> codes(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection) {
            for (Object o : (Collection<?>) value) {
                if (o == null || o.toString().isBlank()) {
                    throw new IllegalArgumentException("supplementMaterials must be material codes, not " + value);
                }
                out.add(o.toString().strip());
            }
        } else if (value != null) {
            for (String s : value.toString().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("supplementMaterials must name at least one material code");
        }
        return List.copyOf(out);
    }
}
