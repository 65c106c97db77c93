package org.onewindow.queue.internal.texts;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.online.NoticeDTO;
import org.onewindow.online.NoticeKind;
import org.onewindow.online.Notifier;
import org.onewindow.queue.internal.floor.CallingOrder;
import org.onewindow.queue.internal.floor.TicketRow;
import org.onewindow.queue.internal.floor.TicketStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 无声叫号: a citizen who left a mobile with their ticket is told by text when only a few wait before them, once, so they
 * may wait outside the hall. Run after each call, off the window's request: a call never waits for a text. A ticket is
 * marked told in the database before its text is sent, so two runs never text it twice; a text that fails is logged
 * and not sent again (the ticket is still called on the screen).
 */
public final class TurnTexts {
    private static final Logger LOG = LoggerFactory.getLogger(TurnTexts.class);
    private static final int ATTEMPTS = 5;
    private final DataSource dataSource;
    private final Supplier<Notifier> notifier;
    private final String hall;
    /** Where citizens' phones reach the hall ({@code publicBaseUrl}), or null: the text then has no link. */
    private final String base;

    /** Numbers taken with a mobile, counted from 1 (unknown at the start: the first call looks once). */
    private final AtomicLong given = new AtomicLong(1);
    /** {@link #given} when a look last found no number waiting untold. */
    private volatile long quietAt;
    /** A look is waiting to run: the calls of a burst share it. */
    private final AtomicBoolean pending = new AtomicBoolean();

    /** A text due: the ticket and how many wait before it. */
    record Due(TicketRow ticket, int ahead) {
    }

    public TurnTexts(DataSource dataSource, Supplier<Notifier> notifier, String hall, String publicBaseUrl) {
        this.dataSource = dataSource;
        this.notifier = notifier;
        this.hall = hall;
        this.base = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip().replaceAll("/+$", "");
    }

    /** The untold tickets among {@code waiting} with at most {@code within} before them in their group's queue. */
    static List<Due> due(List<TicketRow> waiting, Set<Long> untold, int within, Instant now) {
        List<CallingOrder.Waiting> order = waiting.stream().map(TicketRow::waiting).toList();
        List<Due> out = new ArrayList<>();
        for (TicketRow t : waiting) {
            if (untold.contains(t.id())) {
                int ahead = CallingOrder.ahead(order, t.waiting(), now);
                if (ahead <= within) {
                    out.add(new Due(t, ahead));
                }
            }
        }
        return out;
    }

    /** A number was taken with a mobile: it waits for its text. */
    public void mobileGiven() {
        given.incrementAndGet();
    }

    /**
     * Whether a number may wait for its text: not once a look found none and no number with a mobile was taken since
     * (the calls of a hall whose citizens left no mobile never read the queue for texts).
     */
    public boolean mayBeDue() {
        return given.get() != quietAt;
    }

    /**
     * After a call: {@code look} (a {@link #check}) runs on {@code worker}, never on the clerk's request, unless no number
     * can be due or a look is already waiting to run.
     */
    public void afterCall(Executor worker, Runnable look) {
        if (worker == null || !mayBeDue() || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                pending.set(false);
                try {
                    look.run();
                } catch (RuntimeException e) {
                    LOG.warn("Turn texts not sent: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException stopping) {
            pending.set(false); // the capability is stopping: the next call after a restart texts them
        }
    }

    /** Texts the day's tickets of {@code groups} whose turn comes; answers how many were handed to the notifier. */
    public int check(LocalDate day, Collection<String> groups, int within, Instant now, Function<String, String> groupName) {
        long seen = given.get();
        List<Due> told = DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, c -> {
            Set<Long> untold = untold(c, day, groups);
            if (untold.isEmpty()) {
                quietAt = seen;
                return List.<Due>of();
            }
            List<Due> due = new ArrayList<>();
            for (Due d : due(TicketStore.waiting(c, day, groups), untold, within, now)) {
                if (Jdbc.update(c, "UPDATE QUEUE_TICKET SET TEXTED_AT = ? WHERE ID = ? AND TEXTED_AT IS NULL", now, d.ticket().id()) == 1) {
                    due.add(d);
                }
            }
            return due;
        }));
        int sent = 0;
        for (Due d : told) {
            sent += send(d, groupName.apply(d.ticket().group())) ? 1 : 0;
        }
        return sent;
    }

    /** The text; with a link to the number's page (我的排号) where the hall has a public address. */
    static String text(String hall, String number, String groupName, int ahead, String link) {
        String place = ahead == 0 ? "下一位就是您" : "前面还有 " + ahead + " 位";
        return "【" + hall + "】您的 " + number + " 号（" + groupName + "）" + place + "，请回到大厅留意叫号，过号需重新排队。"
                + (link == null ? "" : "进度：" + link);
    }

    private boolean send(Due d, String groupName) {
        TicketRow t = d.ticket();
        Notifier channel = notifier.get();
        if (channel == null) {
            LOG.warn("No notifier running: the turn of ticket {} not texted", t.number());
            return false;
        }
        NoticeDTO n = new NoticeDTO();
        n.kind = NoticeKind.QUEUE_TURN;
        n.idNumber = t.citizenId();
        n.mobile = t.mobile();
        n.reference = t.day() + "/" + t.number();
        n.text = text(hall, t.number(), groupName, d.ahead(), base == null ? null : base + "/display/ticket.html#" + t.number() + "/" + t.day());
        n.sentAt = Instant.now().toString();
        try {
            channel.send(n);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("The turn of ticket {} ({}) not texted: {}", t.number(), t.citizenId() == null ? "no ID" : IdNumbers.mask(t.citizenId()),
                    e.toString());
            return false;
        }
    }

    private static Set<Long> untold(Connection c, LocalDate day, Collection<String> groups) throws SQLException {
        if (groups.isEmpty()) {
            return Set.of();
        }
        List<Object> values = new ArrayList<>();
        values.add(Date.valueOf(day));
        values.addAll(groups);
        Set<Long> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM QUEUE_TICKET WHERE DAY = ? AND STATUS = 'WAITING'"
                + " AND MOBILE IS NOT NULL AND TEXTED_AT IS NULL AND GRP IN (" + Jdbc.placeholders(groups.size()) + ")")) {
            Jdbc.bind(s, values.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getLong(1));
                }
            }
        }
        return out;
    }
}
