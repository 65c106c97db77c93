package org.onewindow.queue.internal.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.onewindow.queue.QueueFiguresDTO.GroupFiguresDTO;
import org.onewindow.queue.QueueFiguresDTO.WaitAlert;
import org.onewindow.queue.QueueFiguresDTO.WindowFiguresDTO;
import org.onewindow.queue.QueueFiguresDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.WindowState;
import org.onewindow.queue.internal.floor.HallStore;
import org.onewindow.queue.internal.floor.TicketRow;

/**
 * Today's figures from today's tickets and the windows, in plain Java. A wait runs from the number's taking to its call
 * (the citizen has been in the hall since); a service from the call to its end. A number missed and put back counts
 * once among the no-shows.
 */
public final class QueueFigures {
    private QueueFigures() {
    }

    public static QueueFiguresDTO of(LocalDate day, List<TicketRow> tickets, List<HallStore.WindowRow> windows, List<QueueGroupDTO> groups,
            Instant now, int yellowMinutes, int redMinutes) {
        List<GroupFiguresDTO> byGroup = groups.stream().map(g -> {
            List<TicketRow> mine = tickets.stream().filter(t -> t.group().equals(g.code())).toList();
            List<TicketRow> waiting = mine.stream().filter(t -> t.status() == TicketStatus.WAITING).toList();
            int longest = waiting.stream().mapToInt(t -> minutes(t.takenAt(), now)).max().orElse(0);
            int open = (int) windows.stream().filter(w -> w.state() == WindowState.OPEN && w.groups().contains(g.code())).count();
            WaitAlert alert = waiting.isEmpty() ? WaitAlert.NONE : longest >= redMinutes ? WaitAlert.RED
                    : longest >= yellowMinutes ? WaitAlert.YELLOW : WaitAlert.NONE;
            return new GroupFiguresDTO(g.code(), g.name(), waiting.size(), longest,
                    QueueDays.mean(mine, QueueDays::called, QueueDays::waited), QueueDays.mean(mine, QueueDays::isServed, QueueDays::service),
                    QueueDays.served(mine), QueueDays.noShows(mine), open, alert);
        }).toList();
        List<WindowFiguresDTO> byWindow = windows.stream().map(w -> {
            List<TicketRow> served = tickets.stream().filter(t -> w.no() == (t.window() == null ? -1 : t.window()))
                    .filter(QueueDays::isServed).toList();
            return new WindowFiguresDTO(w.no(), w.state(), w.clerk(), served.size(),
                    QueueDays.mean(served, t -> true, QueueDays::service));
        }).toList();
        return new QueueFiguresDTO(day.toString(), yellowMinutes, redMinutes, byGroup, byWindow);
    }

    private static int minutes(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toMinutes());
    }
}
