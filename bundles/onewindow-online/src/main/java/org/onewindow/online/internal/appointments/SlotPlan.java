package org.onewindow.online.internal.appointments;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hall's appointment slots of a working day, from its opening hours cut into slots of equal
 * length (a period's last, shorter piece is no slot), and what each slot holds: {@code hall} for the
 * whole hall, and per item group (the department whose windows serve the item).
 */
final class SlotPlan {
    /** The group name of the hall's own counter. */
    static final String HALL = "*";

    private final List<LocalTime> starts = new ArrayList<>();
    private final int minutes;
    private final int hall;
    private final int group;
    private final Map<String, Integer> groups = new HashMap<>();

    /** Throws {@link IllegalArgumentException} naming what is wrong with the configuration. */
    SlotPlan(String hours, int minutes, int hall, int group, String groupCapacities) {
        if (minutes < 5 || minutes > 240 || hall < 1 || group < 1) {
            throw new IllegalArgumentException("slotMinutes must be 5-240, slotCapacity and groupCapacity at least 1");
        }
        this.minutes = minutes;
        this.hall = hall;
        this.group = group;
        LocalTime last = LocalTime.MIN;
        for (String period : hours.split(",")) {
            String[] ends = period.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("hallHours: '" + period + "' is not HH:mm-HH:mm");
            }
            LocalTime from = time(ends[0]);
            LocalTime to = time(ends[1]);
            if (!to.isAfter(from) || from.isBefore(last)) {
                throw new IllegalArgumentException("hallHours: periods must be ascending and not overlap: " + hours);
            }
            int end = to.toSecondOfDay() / 60;
            for (int m = from.toSecondOfDay() / 60; m + minutes <= end; m += minutes) {
                starts.add(LocalTime.ofSecondOfDay(m * 60L));
            }
            last = to;
        }
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("hallHours give no slot of " + minutes + " minutes: " + hours);
        }
        for (String entry : groupCapacities.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("=");
            try {
                int n = Integer.parseInt(kv[1].strip());
                if (kv.length != 2 || kv[0].isBlank() || n < 1) {
                    throw new NumberFormatException();
                }
                groups.put(kv[0].strip(), n);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("groupCapacities: '" + entry + "' is not GROUP=n with n at least 1");
            }
        }
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hallHours: '" + text + "' is not HH:mm");
        }
    }

    List<LocalTime> starts() {
        return starts;
    }

    /** The slot starting at {@code start} (HH:mm), if the hall offers one. */
    Optional<LocalTime> slot(String start) {
        try {
            LocalTime t = LocalTime.parse(start);
            return starts.contains(t) ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    LocalTime end(LocalTime start) {
        return start.plusMinutes(minutes);
    }

    int hallCapacity() {
        return hall;
    }

    /** A group's places per slot, never more than the hall's. */
    int capacity(String groupName) {
        return Math.min(hall, groups.getOrDefault(groupName, group));
    }
}
