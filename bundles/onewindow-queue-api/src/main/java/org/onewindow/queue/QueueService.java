package org.onewindow.queue;

import java.time.Instant;
import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's queue. Numbers restart each day per group (the hall's own day, in its time zone); a window calls the next
 * ticket of its groups by priority and order, and no ticket is ever called by two windows. Failures are
 * {@link org.onewindow.problem.Problem}s: {@code INVALID_TICKET}, {@code GROUP_NOT_FOUND}, {@code ITEM_NOT_QUEUED},
 * {@code ALREADY_WAITING}, {@code TICKET_NOT_FOUND}, {@code WINDOW_NOT_FOUND}, {@code WINDOW_TAKEN}, {@code NOT_AT_A_WINDOW},
 * {@code WINDOW_PAUSED}, {@code NO_TICKET_WAITING}, {@code NO_CURRENT_TICKET}, {@code NOT_REQUEUEABLE},
 * {@code INVALID_GROUP}, {@code GROUP_PREFIX_TAKEN}, {@code INVALID_WINDOW}, {@code INVALID_CASE}, {@code CASE_NOT_FOUND},
 * {@code CASES_UNAVAILABLE}, {@code INVALID_PERIOD}, {@code FORBIDDEN}.
 */
@ProviderType
public interface QueueService {

    /** The queue groups, in the hall's order. */
    List<QueueGroupDTO> groups();

    /** Adds or changes a group (administrator). */
    QueueGroupDTO saveGroup(QueueGroupDTO group, Actor actor);

    /** The windows, by number, each with who serves there and what. */
    List<WindowDTO> windows();

    /**
     * The numbers served at a window without a case that ended at or after {@code since}, oldest first, at most
     * {@code limit}: the services the hall's 好差评 offers to rate besides the cases' stages.
     */
    List<ServedTicketDTO> servedWithoutCase(Instant since, int limit);

    /** Adds a window or changes the groups it serves, also during the day (administrator, supervisor). */
    WindowDTO saveWindow(int no, List<String> groups, Actor actor);

    /** Takes a number: at the kiosk ({@code actor} anonymous) or at the information desk (a clerk). */
    TicketDTO take(NewTicketDTO ticket, TicketSource source, Actor actor);

    /** A ticket for a citizen who booked (签到 at the desk): the appointment is marked arrived, its ticket goes first in its slot. */
    TicketDTO checkIn(String appointmentCode, Actor actor);

    /** Today's ticket of that number, as the citizen may see it (no personal data). */
    TicketDTO publicTicket(String number);

    /** Today's tickets of a group (all groups when null) still waiting, in calling order, and those missed (staff). */
    List<TicketDTO> today(String group, Actor actor);

    /** The clerk signs in at a window, which is then open; a clerk is at one window at a time. */
    WindowDTO signIn(int window, Actor clerk);

    /** The clerk leaves their window (closed); a ticket still called there is done. */
    WindowDTO signOut(Actor clerk);

    WindowDTO pause(Actor clerk);

    WindowDTO resume(Actor clerk);

    /** 叫号: the next ticket at the clerk's window (the one called before is done). */
    TicketDTO callNext(Actor clerk);

    /** 重呼: the current ticket called again. */
    TicketDTO recall(Actor clerk);

    /** 过号: the current ticket's citizen did not come. */
    TicketDTO noShow(Actor clerk);

    /** A missed ticket back in its queue, once, at the desk (at the back of it). */
    TicketDTO requeue(long ticketId, Actor actor);

    /** 转移: the current ticket to another group or window, keeping its place by the time it was taken. */
    TicketDTO transfer(TransferDTO transfer, Actor clerk);

    /** 办结: the current ticket is served. */
    TicketDTO finish(Actor clerk);

    /**
     * The current ticket at the clerk's window with the citizen's ID number whole, to open a case from it (the read lands
     * in the audit trail when the ticket names a citizen).
     */
    TicketIntakeDTO currentForIntake(Actor clerk);

    /**
     * The current ticket at the clerk's window is served for the case {@code caseNo} (opened from it, or a result handed
     * out to its citizen): its service then ends when that case is next accepted, rejected, withdrawn or handed out (an
     * instant item's acceptance does not end it: the window goes on to decide and hand out), or when the clerk ends it.
     */
    TicketDTO serveCase(String caseNo, Actor clerk);

    /**
     * The days from {@code from} to {@code to} (at most 92; null: today in the hall, and 4 weeks before it) and the busy
     * hours by weekday, for staffing (supervisor, administrator); {@code INVALID_PERIOD} otherwise.
     */
    QueueReportDTO report(java.time.LocalDate from, java.time.LocalDate to, Actor actor);

    /** Today's figures per group and window, with each group's wait alert (supervisor, administrator). */
    QueueFiguresDTO figures(Actor actor);

    /** The hall screen's board: the latest {@code calls} calls, the windows and the waiting counts. */
    HallBoardDTO board(int calls);

    /**
     * The board once its version is no longer {@code version}, or after {@code waitMillis} (a long poll: the hall screen
     * shows a call as soon as it is made without asking every second).
     */
    HallBoardDTO boardAfter(long version, int calls, long waitMillis) throws InterruptedException;
}
