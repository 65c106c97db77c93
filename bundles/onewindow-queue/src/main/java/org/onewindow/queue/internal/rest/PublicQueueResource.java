package org.onewindow.queue.internal.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.onewindow.problem.Problem;
import org.onewindow.queue.HallBoardDTO;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.QueueService;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.rest.RecentCounts;
import org.onewindow.security.Actor;

/**
 * {@code /api/v1/public/queue}: what needs no login. The kiosk lists the groups and takes numbers (each client address
 * at most {@code perMinute} a minute, so that nobody empties a day's numbers from outside); a citizen looks a number up;
 * the hall screen reads the board. Nothing here answers with personal data.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicQueueResource {
    private final QueueService queue;
    private final RecentCounts taken = new RecentCounts(Duration.ofMinutes(1));
    private final int perMinute;
    /** How long a screen's poll waits for a change: below the proxies' and browsers' idle timeouts. */
    static final long LONG_POLL_MILLIS = 25_000;

    PublicQueueResource(QueueService queue, int perMinute) {
        this.queue = queue;
        this.perMinute = perMinute;
    }

    @GET
    @Path("groups")
    public List<QueueGroupDTO> groups() {
        return queue.groups();
    }

    @POST
    @Path("tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    public TicketDTO take(NewTicketDTO ticket, @Context HttpServletRequest request) {
        Instant now = Instant.now();
        if (!taken.tryAdd(request.getRemoteAddr(), perMinute, now)) {
            throw Problem.tooManyRequests("TOO_MANY_TICKETS", "取号过于频繁，请稍后再试，或到导服台取号", Duration.ofMinutes(1));
        }
        taken.sweep(now);
        return queue.take(ticket, TicketSource.KIOSK, new Actor("kiosk", Set.of(), Set.of(), request.getRemoteAddr()));
    }

    @GET
    @Path("tickets/{number}")
    public TicketDTO ticket(@PathParam("number") String number) {
        return queue.publicTicket(number);
    }

    /**
     * The hall screen's board. With {@code after} (the version the screen shows) it answers once the board has changed, or
     * after {@link #LONG_POLL_MILLIS}: a long poll, so that a call reaches the screen as soon as it is made.
     */
    @GET
    @Path("board")
    public HallBoardDTO board(@QueryParam("calls") Integer calls, @QueryParam("after") Long after) throws InterruptedException {
        int shown = calls == null ? 0 : calls;
        return after == null ? queue.board(shown) : queue.boardAfter(after, shown, LONG_POLL_MILLIS);
    }
}
