package org.onewindow.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.onewindow.queue.QueueFiguresDTO.WaitAlert;
import org.onewindow.queue.QueueFiguresDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.WindowState;
import org.onewindow.queue.internal.figures.QueueFigures;
import org.onewindow.queue.internal.floor.DemoHall;
import org.onewindow.queue.internal.floor.HallStore;
import org.onewindow.queue.internal.floor.TicketRow;

public class QueueFiguresTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Instant NINE = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant NOW = NINE.plus(Duration.ofMinutes(60));

    /** A ticket of GENERAL taken {@code taken} minutes after nine, called and ended at the minutes given (or not). */
    private static TicketRow ticket(long id, TicketStatus status, int taken, Integer called, Integer ended, Integer window, boolean requeued) {
        return new TicketRow(id, DAY, "GENERAL", (int) id, "A" + id, TicketSource.KIOSK, status, false, null, null, null, null, null, null,
                null, at(taken), at(taken), at(called), at(ended), window, null, called == null ? 0 : 1, requeued, null, null);
    }

    private static Instant at(Integer minutes) {
        return minutes == null ? null : NINE.plus(Duration.ofMinutes(minutes));
    }

    private static QueueFiguresDTO figures(List<TicketRow> tickets, int yellow, int red) {
        return QueueFigures.of(DAY, tickets, List.of(new HallStore.WindowRow(2, List.of("GENERAL"), WindowState.OPEN, "li", null),
                new HallStore.WindowRow(3, List.of("GENERAL"), WindowState.PAUSED, "wang", null)), DemoHall.GROUPS, NOW, yellow, red);
    }

    @Test
    public void waitsServiceAndMissedNumbersOfTheDay() {
        List<TicketRow> tickets = List.of(
                ticket(1, TicketStatus.DONE, 0, 10, 16, 2, false), // waited 10, served 6
                ticket(2, TicketStatus.DONE, 5, 25, 35, 2, false), // waited 20, served 10
                ticket(3, TicketStatus.NO_SHOW, 10, 36, 37, 2, false),
                ticket(4, TicketStatus.WAITING, 15, null, null, null, true), // missed once and put back
                ticket(5, TicketStatus.WAITING, 50, null, null, null, false),
                ticket(6, TicketStatus.CALLED, 30, 58, null, 2, false));
        var general = figures(tickets, 20, 40).groups().get(0);
        assertEquals("GENERAL", general.code());
        assertEquals(2, general.waiting());
        assertEquals("the longest waiting since 9:15", 45, general.longestWaitMinutes());
        // the calls: waited 10, 20, 26 and 28 minutes
        assertEquals(Integer.valueOf(21), general.averageWaitMinutes());
        assertEquals(Integer.valueOf(8), general.averageServiceMinutes());
        assertEquals(2, general.served());
        assertEquals(2, general.noShows());
        assertEquals("a paused window is not open", 1, general.windowsOpen());
        assertEquals(WaitAlert.RED, general.alert());
        var window2 = figures(tickets, 20, 40).windows().get(0);
        assertEquals(2, window2.served());
        assertEquals(Integer.valueOf(8), window2.averageServiceMinutes());
    }

    @Test
    public void theAlertFollowsTheLongestWaitAgainstTheThresholds() {
        List<TicketRow> twentyFive = List.of(ticket(1, TicketStatus.WAITING, 35, null, null, null, false));
        assertEquals(WaitAlert.YELLOW, figures(twentyFive, 20, 40).groups().get(0).alert());
        assertEquals(WaitAlert.NONE, figures(twentyFive, 30, 40).groups().get(0).alert());
        assertEquals(WaitAlert.RED, figures(twentyFive, 10, 25).groups().get(0).alert());
        var empty = figures(List.of(), 0, 0).groups().get(1);
        assertEquals("nobody waits: no alert, whatever the thresholds", WaitAlert.NONE, empty.alert());
        assertNull(empty.averageWaitMinutes());
        assertNull(empty.averageServiceMinutes());
    }
}
