package org.onewindow.queue.internal.floor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.WindowState;

/** Tickets as the callers see them: masked, with how many wait before them and how long that may take. */
public final class Tickets {
    private Tickets() {
    }

    /** The ticket's view; a waiting one's place and estimate are read in {@code c}. */
    static TicketDTO view(Connection c, TicketRow t, List<QueueGroupDTO> groups, Duration serviceTime, Instant now, boolean personal)
            throws SQLException {
        int ahead = 0;
        int minutes = 0;
        if (t.status() == TicketStatus.WAITING) {
            List<CallingOrder.Waiting> waiting = TicketStore.waiting(c, t.day(), List.of(t.group())).stream().map(TicketRow::waiting).toList();
            ahead = CallingOrder.ahead(waiting, t.waiting(), now);
            long open = HallStore.windows(c).stream().filter(w -> w.state() == WindowState.OPEN && w.groups().contains(t.group())).count();
            long[] served = TicketStore.served(c, t.day(), t.group());
            minutes = WaitEstimate.minutes(ahead, (int) open, serviceTime, (int) served[0], Duration.ofSeconds(served[1]));
        }
        return of(t, groups, ahead, minutes, personal);
    }

    /** The ticket's view without its place (a list's, or one no longer waiting). */
    public static TicketDTO of(TicketRow t, List<QueueGroupDTO> groups, int ahead, int minutes, boolean personal) {
        String groupName = groupName(groups, t.group());
        return new TicketDTO(t.id(), t.day().toString(), t.number(), t.group(), groupName, t.source(), t.status(), t.itemCode(),
                personal && t.citizenId() != null ? IdNumbers.mask(t.citizenId()) : null, t.mobile() != null, t.window(), ahead, minutes,
                text(t.takenAt()), text(t.calledAt()), t.calls(), t.requeued(), personal ? t.note() : null,
                personal ? t.caseNo() : null);
    }

    /** The name of the group {@code code} among {@code groups}; the code itself for a group no longer there. */
    public static String groupName(List<QueueGroupDTO> groups, String code) {
        return groups.stream().filter(g -> g.code().equals(code)).map(QueueGroupDTO::name).findFirst().orElse(code);
    }

    static String number(String prefix, int seqNo) {
        return prefix + String.format("%03d", seqNo);
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
