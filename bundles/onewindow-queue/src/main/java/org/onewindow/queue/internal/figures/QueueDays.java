package org.onewindow.queue.internal.figures;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

import org.onewindow.queue.QueueDayDTO.GroupDayDTO;
import org.onewindow.queue.QueueDayDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.QueueReportDTO.WeekdayHoursDTO;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.internal.floor.TicketRow;

/**
 * A day's figures from its tickets, and the busy hours by weekday from days' figures, in plain Java. A wait runs from
 * taking the number to its call and counts for the numbers called; a service from the call to its end.
 */
public final class QueueDays {
    private QueueDays() {
    }

    public static QueueDayDTO of(LocalDate day, List<TicketRow> tickets, List<QueueGroupDTO> groups, ZoneId zone) {
        int[] byHour = new int[24];
        for (TicketRow t : tickets) {
            byHour[t.takenAt().atZone(zone).getHour()]++;
        }
        List<GroupDayDTO> byGroup = new ArrayList<>();
        for (QueueGroupDTO g : groups) {
            List<TicketRow> mine = tickets.stream().filter(t -> t.group().equals(g.code())).toList();
            if (!mine.isEmpty()) {
                byGroup.add(new GroupDayDTO(g.code(), g.name(), mine.size(), served(mine), noShows(mine), mean(mine, QueueDays::called, QueueDays::waited),
                        longest(mine), mean(mine, QueueDays::isServed, QueueDays::service)));
            }
        }
        return new QueueDayDTO(day.toString(), tickets.size(), served(tickets), noShows(tickets), mean(tickets, QueueDays::called, QueueDays::waited),
                longest(tickets), mean(tickets, QueueDays::isServed, QueueDays::service), Arrays.stream(byHour).boxed().toList(), byGroup);
    }

    /** For each weekday (Monday first), the mean numbers taken per hour over the days of that weekday, and the busiest hour. */
    public static List<WeekdayHoursDTO> weekdays(List<QueueDayDTO> days) {
        List<WeekdayHoursDTO> out = new ArrayList<>();
        for (DayOfWeek w : DayOfWeek.values()) {
            List<QueueDayDTO> those = days.stream().filter(d -> LocalDate.parse(d.day()).getDayOfWeek() == w).toList();
            List<Double> mean = new ArrayList<>();
            Integer peak = null;
            for (int h = 0; h < 24; h++) {
                int hour = h;
                double m = those.isEmpty() ? 0 : those.stream().mapToInt(d -> d.takenByHour().get(hour)).sum() / (double) those.size();
                mean.add(Math.round(m * 10) / 10.0);
                if (m > 0 && (peak == null || m > mean.get(peak))) {
                    peak = h;
                }
            }
            out.add(new WeekdayHoursDTO(w.getValue(), those.size(), mean, peak));
        }
        return out;
    }

    static boolean called(TicketRow t) {
        return t.calledAt() != null;
    }

    static boolean isServed(TicketRow t) {
        return t.status() == TicketStatus.DONE && t.calledAt() != null && t.finishedAt() != null;
    }

    static Duration waited(TicketRow t) {
        return Duration.between(t.takenAt(), t.calledAt());
    }

    static Duration service(TicketRow t) {
        return Duration.between(t.calledAt(), t.finishedAt());
    }

    static int served(List<TicketRow> tickets) {
        return (int) tickets.stream().filter(QueueDays::isServed).count();
    }

    /** Missed numbers, once each, also those put back in the queue and served later. */
    static int noShows(List<TicketRow> tickets) {
        return (int) tickets.stream().filter(t -> t.status() == TicketStatus.NO_SHOW || t.requeued()).count();
    }

    private static Integer longest(List<TicketRow> tickets) {
        return tickets.stream().filter(QueueDays::called).mapToLong(t -> Math.max(0, waited(t).toMinutes())).mapToObj(m -> (int) m)
                .max(Integer::compare).orElse(null);
    }

    static Integer mean(List<TicketRow> tickets, Predicate<TicketRow> which, Function<TicketRow, Duration> length) {
        OptionalDouble m = tickets.stream().filter(which).mapToLong(t -> Math.max(0, length.apply(t).toSeconds())).average();
        return m.isPresent() ? (int) (m.getAsDouble() / 60) : null;
    }
}
