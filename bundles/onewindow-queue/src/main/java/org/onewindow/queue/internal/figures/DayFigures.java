package org.onewindow.queue.internal.figures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.RestoreNote;
import org.onewindow.queue.QueueDayDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.internal.floor.TicketStore;
import org.onewindow.rest.Json;

/**
 * The days' figures: a finished day's are kept in {@code QUEUE_DAY} and journaled (kind {@code QUEUE_DAY}, key the day)
 * in one transaction, so the city hub gets each day once it is over; today's are journaled as they change, so the city's
 * board compares halls during the day. Both run on the queue's worker, never on a clerk's request.
 */
public final class DayFigures {
    public static final String KIND = "QUEUE_DAY";
    private static final int ATTEMPTS = 5;
    private final DataSource dataSource;
    private final ChangeJournal journal;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<List<QueueGroupDTO>> groups;
    /** Today's figures as last journaled: a run that finds them unchanged journals nothing. */
    private String journaledToday;

    public DayFigures(DataSource dataSource, ChangeJournal journal, Clock clock, ZoneId zone, Supplier<List<QueueGroupDTO>> groups) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.clock = clock;
        this.zone = zone;
        this.groups = groups;
    }

    /** Closes the days before today not closed yet and journals today's figures if they changed; answers the days closed. */
    public synchronized int run() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<LocalDate> open = tx(c -> unclosed(c, null, today.minusDays(1)));
        for (LocalDate day : open) {
            tx(c -> {
                String payload = Json.write(figures(c, day));
                Jdbc.update(c, "INSERT INTO QUEUE_DAY (DAY, PAYLOAD, CLOSED_AT) VALUES (?, ?, ?)", Date.valueOf(day), payload, clock.instant());
                return journal.append(c, KIND, day.toString(), payload);
            });
        }
        String now = tx(c -> {
            QueueDayDTO d = figures(c, today);
            return d.taken() == 0 ? null : Json.write(d);
        });
        if (now != null && !now.equals(journaledToday)) {
            tx(c -> journal.append(c, KIND, today.toString(), now));
            journaledToday = now;
        }
        return open.size();
    }

    /**
     * After this appliance was restored from an older copy: the finished days as the city hub holds them are kept again
     * (their tickets are not, they never left the hall). Today's figures come from today's tickets here, and a day
     * journaled here since the restore is this appliance's own; neither is overwritten.
     */
    public List<RestoreNote> restore(List<JournalEntry> records, Set<String> changedHere) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        tx(c -> {
            for (JournalEntry r : records) {
                LocalDate day = LocalDate.parse(r.key);
                if (day.isBefore(today) && !changedHere.contains(r.key)) {
                    read(r.payload); // a record that is not a day's figures fails the restore here, not the reports later
                    Jdbc.update(c, "DELETE FROM QUEUE_DAY WHERE DAY = ?", Date.valueOf(day));
                    Jdbc.update(c, "INSERT INTO QUEUE_DAY (DAY, PAYLOAD, CLOSED_AT) VALUES (?, ?, ?)", Date.valueOf(day), r.payload,
                            clock.instant());
                }
            }
            return null;
        });
        return List.of();
    }

    /** Journals these days again after the journal was rebased: a kept day as kept, today at the next run. */
    public synchronized void journalAgain(Collection<String> days) {
        journaledToday = null;
        tx(c -> {
            for (String day : days) {
                try (PreparedStatement s = c.prepareStatement("SELECT PAYLOAD FROM QUEUE_DAY WHERE DAY = ?")) {
                    Jdbc.bind(s, Date.valueOf(LocalDate.parse(day)));
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            journal.append(c, KIND, day, r.getString(1));
                        }
                    }
                }
            }
            return null;
        });
    }

    /** The days from {@code from} to {@code to} with numbers taken: as kept once closed, from their tickets before. */
    public List<QueueDayDTO> days(LocalDate from, LocalDate to) {
        return tx(c -> {
            Map<LocalDate, QueueDayDTO> out = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DAY, PAYLOAD FROM QUEUE_DAY WHERE DAY BETWEEN ? AND ?")) {
                Jdbc.bind(s, Date.valueOf(from), Date.valueOf(to));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getDate(1).toLocalDate(), read(r.getString(2)));
                    }
                }
            }
            for (LocalDate day : unclosed(c, from, to)) {
                out.put(day, figures(c, day));
            }
            return new ArrayList<>(out.values());
        });
    }

    /** The days up to {@code until} (and from {@code from}, if given) with numbers taken and not closed yet, in order. */
    private static List<LocalDate> unclosed(Connection c, LocalDate from, LocalDate until) throws SQLException {
        List<LocalDate> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT DAY FROM QUEUE_TICKET WHERE DAY <= ?" + (from == null ? "" : " AND DAY >= ?")
                + " AND DAY NOT IN (SELECT DAY FROM QUEUE_DAY) ORDER BY DAY")) {
            Jdbc.bind(s, from == null ? new Object[] {Date.valueOf(until)} : new Object[] {Date.valueOf(until), Date.valueOf(from)});
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getDate(1).toLocalDate());
                }
            }
        }
        return out;
    }

    private QueueDayDTO figures(Connection c, LocalDate day) throws SQLException {
        return QueueDays.of(day, TicketStore.day(c, day), groups.get(), zone);
    }

    private static QueueDayDTO read(String payload) {
        try {
            return Json.mapper().readValue(payload, QueueDayDTO.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <R> R tx(Jdbc.Work<R> work) {
        return DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, work));
    }
}
