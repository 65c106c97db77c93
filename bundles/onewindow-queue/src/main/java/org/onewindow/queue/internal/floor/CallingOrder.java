package org.onewindow.queue.internal.floor;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which a window calls the waiting tickets of its groups: first a ticket transferred to this very window,
 * then the priority lane's (绿色通道), then an appointment's while its slot runs (checked in early, it waits as any other
 * until the slot begins; late, it has lost its turn), then everyone else; within each, by the time the ticket joined its
 * queue (a transferred ticket keeps the time it was taken, a re-queued one goes to the back), then by number.
 */
public final class CallingOrder {

    /** What the order needs of a waiting ticket. */
    public record Waiting(long id, int seqNo, String group, boolean priorityLane, Integer forWindow, Instant slotStart, Instant slotEnd,
            Instant queuedAt) {
    }

    private CallingOrder() {
    }

    /** Whether {@code window} may call the ticket: it waits for no other window. */
    static boolean callableAt(Waiting t, int window) {
        return t.forWindow() == null || t.forWindow() == window;
    }

    /** 0 for a ticket transferred to {@code window}, 1 priority lane, 2 appointment in its slot, 3 the rest. */
    static int rank(Waiting t, int window, Instant now) {
        if (t.forWindow() != null && t.forWindow() == window) {
            return 0;
        }
        if (t.priorityLane()) {
            return 1;
        }
        if (t.slotStart() != null && !now.isBefore(t.slotStart()) && now.isBefore(t.slotEnd())) {
            return 2;
        }
        return 3;
    }

    /** The comparator for {@code window} at {@code now}; a window of 0 is no window (the order a group's queue shows). */
    static Comparator<Waiting> at(int window, Instant now) {
        return Comparator.<Waiting>comparingInt(t -> rank(t, window, now)).thenComparing(Waiting::queuedAt)
                .thenComparingInt(Waiting::seqNo).thenComparingLong(Waiting::id);
    }

    /** The tickets {@code window} may call, in its calling order. */
    static List<Waiting> forWindow(List<Waiting> waiting, int window, Instant now) {
        return waiting.stream().filter(t -> callableAt(t, window)).sorted(at(window, now)).toList();
    }

    /** How many of {@code waiting} go before {@code ticket} in its group's queue. */
    public static int ahead(List<Waiting> waiting, Waiting ticket, Instant now) {
        Comparator<Waiting> order = at(0, now);
        return (int) waiting.stream().filter(t -> t.id() != ticket.id() && t.group().equals(ticket.group()) && t.forWindow() == null)
                .filter(t -> order.compare(t, ticket) < 0).count();
    }
}
