package org.onewindow.queue.internal.floor;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.Test;

public class CallingOrderTest {
    private static final Instant NINE = Instant.parse("2026-12-07T01:00:00Z");

    private static CallingOrder.Waiting plain(long id, String group, int minutesAfterNine) {
        return new CallingOrder.Waiting(id, (int) id, group, false, null, null, null, NINE.plus(Duration.ofMinutes(minutesAfterNine)));
    }

    private static List<Long> ids(List<CallingOrder.Waiting> order) {
        return order.stream().map(CallingOrder.Waiting::id).toList();
    }

    @Test
    public void theTicketTakenFirstIsCalledFirstAcrossTheWindowsGroups() {
        List<CallingOrder.Waiting> waiting = List.of(plain(3, "B", 7), plain(1, "A", 9), plain(2, "A", 5));
        assertEquals(List.of(2L, 3L, 1L), ids(CallingOrder.forWindow(waiting, 1, NINE.plusSeconds(3600))));
    }

    @Test
    public void thePriorityLaneGoesBeforeEveryoneWhoCameEarlier() {
        CallingOrder.Waiting elderly = new CallingOrder.Waiting(9, 1, "V", true, null, null, null, NINE.plus(Duration.ofMinutes(30)));
        List<CallingOrder.Waiting> waiting = List.of(plain(1, "A", 0), elderly, plain(2, "A", 1));
        assertEquals(List.of(9L, 1L, 2L), ids(CallingOrder.forWindow(waiting, 1, NINE.plusSeconds(3600))));
    }

    @Test
    public void anAppointmentGoesFirstOnlyWhileItsSlotRuns() {
        Instant slot = NINE.plus(Duration.ofMinutes(30));
        CallingOrder.Waiting booked = new CallingOrder.Waiting(7, 7, "A", false, null, slot, slot.plus(Duration.ofMinutes(30)),
                NINE.plus(Duration.ofMinutes(20)));
        List<CallingOrder.Waiting> waiting = List.of(plain(1, "A", 0), booked, plain(2, "A", 10));
        // checked in early: waits as any other ticket until its slot begins
        assertEquals(List.of(1L, 2L, 7L), ids(CallingOrder.forWindow(waiting, 1, NINE.plus(Duration.ofMinutes(25)))));
        // within the slot: first
        assertEquals(List.of(7L, 1L, 2L), ids(CallingOrder.forWindow(waiting, 1, slot)));
        assertEquals(List.of(7L, 1L, 2L), ids(CallingOrder.forWindow(waiting, 1, slot.plus(Duration.ofMinutes(29)))));
        // the slot is over: its turn is lost, it waits by the time it came
        assertEquals(List.of(1L, 2L, 7L), ids(CallingOrder.forWindow(waiting, 1, slot.plus(Duration.ofMinutes(30)))));
    }

    @Test
    public void aTicketTransferredToAWindowIsCalledThereFirstAndNowhereElse() {
        CallingOrder.Waiting moved = new CallingOrder.Waiting(5, 5, "A", false, 4, null, null, NINE.plus(Duration.ofMinutes(50)));
        CallingOrder.Waiting elderly = new CallingOrder.Waiting(9, 1, "V", true, null, null, null, NINE);
        List<CallingOrder.Waiting> waiting = List.of(plain(1, "A", 0), moved, elderly);
        assertEquals(List.of(5L, 9L, 1L), ids(CallingOrder.forWindow(waiting, 4, NINE.plusSeconds(3600))));
        assertEquals(List.of(9L, 1L), ids(CallingOrder.forWindow(waiting, 2, NINE.plusSeconds(3600))));
    }

    @Test
    public void aReQueuedTicketStandsBehindThoseWhoCameBeforeItsReturn() {
        CallingOrder.Waiting back = plain(1, "A", 40);
        List<CallingOrder.Waiting> waiting = List.of(back, plain(2, "A", 10), plain(3, "A", 45));
        assertEquals(List.of(2L, 1L, 3L), ids(CallingOrder.forWindow(waiting, 1, NINE.plusSeconds(3600))));
    }

    @Test
    public void aheadCountsOnlyTheTicketsOfTheSameGroupBeforeIt() {
        CallingOrder.Waiting mine = plain(4, "A", 20);
        List<CallingOrder.Waiting> waiting = List.of(plain(1, "A", 0), plain(2, "B", 1), plain(3, "A", 10), mine, plain(5, "A", 30));
        assertEquals(2, CallingOrder.ahead(waiting, mine, NINE.plusSeconds(3600)));
        assertEquals(0, CallingOrder.ahead(waiting, waiting.get(0), NINE.plusSeconds(3600)));
    }
}
