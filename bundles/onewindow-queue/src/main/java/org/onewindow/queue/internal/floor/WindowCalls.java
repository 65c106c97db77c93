package org.onewindow.queue.internal.floor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketStatus;
import org.onewindow.queue.TransferDTO;
import org.onewindow.queue.WindowDTO;
import org.onewindow.queue.WindowState;
import org.onewindow.security.Actor;

/**
 * What a clerk does at a window: sign in and out, pause, call, call again, mark a no-show, transfer, finish. Each is one
 * transaction that first locks the clerk's window row, so a double click is two calls one after the other; two windows
 * calling at once meet only on a ticket both want, which the conditional claim gives to one of them.
 */
public final class WindowCalls {
    private static final int ATTEMPTS = 5;
    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;

    public WindowCalls(DataSource dataSource, Clock clock, ZoneId zone) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.zone = zone;
    }

    /** A window of the clerk's, locked, with the current ticket's row if any. */
    public record AtWindow(HallStore.WindowRow window, TicketRow current) {
    }

    /** What is done at the clerk's window, in its transaction. */
    public interface Step<R> {
        R at(Connection c, AtWindow w, Instant now) throws SQLException;
    }

    public WindowDTO signIn(int no, Actor clerk) {
        clerk.requireAny(java.util.Set.of(Actor.CLERK));
        return tx(c -> {
            Instant now = clock.instant();
            HallStore.WindowRow target = HallStore.window(c, no)
                    .orElseThrow(() -> Problem.notFound("WINDOW_NOT_FOUND", no + " 号窗口不存在"));
            var before = HallStore.windowOfLocked(c, clerk.name());
            if (before.isPresent() && before.get().no() != no) {
                leave(c, before.get(), now);
            }
            // only if nobody else is signed in there: of two clerks signing in at once, one gets the window
            if (!HallStore.takeWindow(c, no, clerk.name(), now)) {
                String other = HallStore.window(c, no).map(HallStore.WindowRow::clerk).orElse(target.clerk());
                throw new Problem(ProblemKind.CONFLICT, "WINDOW_TAKEN", no + " 号窗口已由 " + other + " 签入");
            }
            return window(c, no);
        });
    }

    public WindowDTO signOut(Actor clerk) {
        return step(clerk, (c, w, now) -> {
            leave(c, w.window(), now);
            return window(c, w.window().no());
        });
    }

    public WindowDTO pause(Actor clerk) {
        return state(clerk, WindowState.PAUSED);
    }

    public WindowDTO resume(Actor clerk) {
        return state(clerk, WindowState.OPEN);
    }

    /** The next ticket; null when none waits for the window (the one called before is done all the same). */
    public TicketRow callNext(Actor clerk) {
        return step(clerk, (c, w, now) -> {
            if (w.window().state() == WindowState.PAUSED) {
                throw new Problem(ProblemKind.CONFLICT, "WINDOW_PAUSED", w.window().no() + " 号窗口已暂停服务，请先恢复服务再叫号");
            }
            // the queue is read before anything is written: a window reading it while it holds a ticket's lock would wait
            // for another window that reads it holding another's, in a circle
            LocalDate today = LocalDate.ofInstant(now, zone);
            List<TicketRow> waiting = TicketStore.waiting(c, today, w.window().groups(), w.window().no());
            List<CallingOrder.Waiting> order = CallingOrder.forWindow(waiting.stream().map(TicketRow::waiting).toList(), w.window().no(), now);
            if (w.current() != null) {
                TicketStore.end(c, w.current().id(), TicketStatus.DONE, now);
            }
            for (CallingOrder.Waiting next : order) {
                if (TicketStore.claim(c, next.id(), w.window().no(), clerk.name(), now)) {
                    TicketRow called = TicketStore.byId(c, next.id()).orElseThrow();
                    TicketStore.call(c, called, w.window().no(), now);
                    HallStore.setWindow(c, w.window().no(), w.window().state(), clerk.name(), called.id(), now);
                    return called;
                }
            }
            HallStore.setWindow(c, w.window().no(), w.window().state(), clerk.name(), null, now);
            return null;
        });
    }

    public TicketRow recall(Actor clerk) {
        return current(clerk, (c, w, now) -> {
            TicketStore.recall(c, w.current().id(), now);
            TicketStore.call(c, w.current(), w.window().no(), now);
            return TicketStore.byId(c, w.current().id()).orElseThrow();
        });
    }

    public TicketRow noShow(Actor clerk) {
        return end(clerk, TicketStatus.NO_SHOW);
    }

    public TicketRow finish(Actor clerk) {
        return end(clerk, TicketStatus.DONE);
    }

    public TicketRow transfer(TransferDTO to, List<QueueGroupDTO> groups, Actor clerk) {
        if (to == null || (to.group() == null) == (to.window() == null)) {
            throw Problem.badRequest("INVALID_TRANSFER", "转移到另一个队列（group）或另一个窗口（window），二者选一");
        }
        if (to.note() != null && to.note().length() > 500) {
            throw Problem.badRequest("INVALID_TRANSFER", "备注最多 500 字");
        }
        if (to.group() != null && groups.stream().noneMatch(g -> g.code().equals(to.group()))) {
            throw Problem.notFound("GROUP_NOT_FOUND", "没有队列 " + to.group());
        }
        return current(clerk, (c, w, now) -> {
            if (to.window() != null && HallStore.window(c, to.window()).isEmpty()) {
                throw Problem.notFound("WINDOW_NOT_FOUND", to.window() + " 号窗口不存在");
            }
            TicketRow t = w.current();
            String note = to.note() == null || to.note().isBlank() ? null : to.note().strip();
            TicketStore.requeue(c, t.id(), to.group() != null ? to.group() : t.group(), to.window(), t.takenAt(), t.requeued(), note);
            HallStore.setWindow(c, w.window().no(), w.window().state(), clerk.name(), null, now);
            return TicketStore.byId(c, t.id()).orElseThrow();
        });
    }

    /** A missed ticket of today back at the end of its queue, once. */
    public TicketRow requeue(long ticketId, Actor actor) {
        actor.requireAny(java.util.Set.of(Actor.CLERK));
        return tx(c -> {
            Instant now = clock.instant();
            TicketRow t = TicketStore.byId(c, ticketId).orElseThrow(() -> Problem.notFound("TICKET_NOT_FOUND", "没有这张号"));
            if (t.status() != TicketStatus.NO_SHOW || t.requeued() || !t.day().equals(LocalDate.ofInstant(now, zone))) {
                throw new Problem(ProblemKind.CONFLICT, "NOT_REQUEUEABLE", t.number() + " 不能重新排队：只有当天过号、且未重排过的号可以重排一次");
            }
            TicketStore.requeue(c, t.id(), t.group(), null, now, true, null);
            return TicketStore.byId(c, t.id()).orElseThrow();
        });
    }

    private TicketRow end(Actor clerk, TicketStatus status) {
        return current(clerk, (c, w, now) -> {
            TicketStore.end(c, w.current().id(), status, now);
            HallStore.setWindow(c, w.window().no(), w.window().state(), clerk.name(), null, now);
            return TicketStore.byId(c, w.current().id()).orElseThrow();
        });
    }

    private WindowDTO state(Actor clerk, WindowState state) {
        return step(clerk, (c, w, now) -> {
            HallStore.setWindow(c, w.window().no(), state, clerk.name(), w.window().currentTicket(), now);
            return window(c, w.window().no());
        });
    }

    /** {@code step} on the ticket called at the clerk's window, in one transaction; {@code NO_CURRENT_TICKET} if none. */
    public <R> R current(Actor clerk, Step<R> step) {
        return step(clerk, (c, w, now) -> {
            if (w.current() == null) {
                throw new Problem(ProblemKind.CONFLICT, "NO_CURRENT_TICKET", w.window().no() + " 号窗口当前没有叫到的号");
            }
            return step.at(c, w, now);
        });
    }

    private <R> R step(Actor clerk, Step<R> step) {
        clerk.requireAny(java.util.Set.of(Actor.CLERK));
        return tx(c -> {
            HallStore.WindowRow window = HallStore.windowOfLocked(c, clerk.name())
                    .orElseThrow(() -> new Problem(ProblemKind.CONFLICT, "NOT_AT_A_WINDOW", "请先签入一个窗口"));
            TicketRow current = window.currentTicket() == null ? null
                    : TicketStore.byId(c, window.currentTicket()).filter(t -> t.status() == TicketStatus.CALLED).orElse(null);
            return step.at(c, new AtWindow(window, current), clock.instant());
        });
    }

    /** The clerk leaves the window: a ticket still called there is done, the window closed. */
    private static void leave(Connection c, HallStore.WindowRow w, Instant now) throws SQLException {
        if (w.currentTicket() != null) {
            TicketStore.end(c, w.currentTicket(), TicketStatus.DONE, now);
        }
        HallStore.setWindow(c, w.no(), WindowState.CLOSED, null, null, now);
    }

    public static WindowDTO window(Connection c, int no) throws SQLException {
        HallStore.WindowRow w = HallStore.window(c, no).orElseThrow();
        String number = w.currentTicket() == null ? null : TicketStore.byId(c, w.currentTicket()).map(TicketRow::number).orElse(null);
        return new WindowDTO(w.no(), w.groups(), w.state(), w.clerk(), number);
    }

    private <R> R tx(Jdbc.Work<R> work) {
        return DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, work));
    }
}
