package org.onewindow.queue.internal.cases;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.intake.CaseStatus;
import org.onewindow.queue.internal.floor.TicketStore;
import org.onewindow.rest.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ends a ticket's service when the case it is served for is accepted, rejected, withdrawn or handed out
 * ({@link ServiceEnds}): reads the change journal, where intake records every change of a case in the changing
 * transaction, from where it last stopped. The tickets ended and the cursor move in one transaction, so a crash in
 * between reads the batch again, and ending a ticket twice changes nothing. The time of the case's change is the end of
 * the service, however late this reads it.
 */
public final class CaseWatch {
    private static final Logger LOG = LoggerFactory.getLogger(CaseWatch.class);
    private static final int BATCH = 500;
    private static final int ATTEMPTS = 5;
    private final DataSource dataSource;
    private final ChangeJournal journal;

    public CaseWatch(DataSource dataSource, ChangeJournal journal) {
        this.dataSource = dataSource;
        this.journal = journal;
    }

    /** The cursor, the first time at the journal's head: cases moved before the queue was installed are not its own. */
    public void start() {
        tx(c -> {
            if (cursor(c) < 0) {
                Jdbc.update(c, "INSERT INTO QUEUE_CASE_CURSOR (ID, LAST_SEQ) VALUES (1, ?)", journal.lastSeq());
            }
            return null;
        });
    }

    /** Reads the journal to its head; answers how many tickets' services it ended. */
    public int run() {
        int ended = 0;
        for (;;) {
            long from = tx(CaseWatch::cursor);
            List<JournalEntry> entries = journal.after(from, BATCH);
            if (entries.isEmpty()) {
                return ended;
            }
            List<Ending> endings = new ArrayList<>();
            for (JournalEntry e : entries) {
                ending(e).ifPresent(endings::add);
            }
            long to = entries.get(entries.size() - 1).seq;
            ended += tx(c -> {
                int n = 0;
                for (Ending x : endings) {
                    n += end(c, x);
                }
                Jdbc.update(c, "UPDATE QUEUE_CASE_CURSOR SET LAST_SEQ = ? WHERE ID = 1 AND LAST_SEQ = ?", to, from);
                return n;
            });
            if (entries.size() < BATCH) {
                return ended;
            }
        }
    }

    /** A case's move that ends the service of the tickets served for it since before {@code seq}. */
    private record Ending(long seq, String caseNo, Instant at) {
    }

    private static java.util.Optional<Ending> ending(JournalEntry e) {
        if (!"CASE".equals(e.kind) && !"FOREIGN_CASE".equals(e.kind)) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode c = Json.mapper().readTree(e.payload);
            CaseStatus status = CaseStatus.valueOf(c.path("status").asText());
            if (!ServiceEnds.by(status, c.path("timeLimitDays").asInt(1))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Ending(e.seq, e.key, e.writtenAt == null ? Instant.now() : Instant.parse(e.writtenAt)));
        } catch (IOException | RuntimeException bad) {
            LOG.warn("Journal record {} is not a case the queue can read: {}", e.seq, bad.toString());
            return java.util.Optional.empty();
        }
    }

    /** Ends the called tickets served for the case; the windows calling them have no current ticket then. */
    private static int end(Connection c, Ending x) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID FROM QUEUE_TICKET WHERE CASE_NO = ? AND STATUS = 'CALLED' AND CASE_SEQ < ?")) {
            Jdbc.bind(s, x.caseNo(), x.seq());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        for (long id : ids) {
            TicketStore.end(c, id, org.onewindow.queue.TicketStatus.DONE, x.at());
            Jdbc.update(c, "UPDATE QUEUE_WINDOW SET CURRENT_TICKET = NULL WHERE CURRENT_TICKET = ?", id);
        }
        return ids.size();
    }

    private static long cursor(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT LAST_SEQ FROM QUEUE_CASE_CURSOR WHERE ID = 1");
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    private <R> R tx(Jdbc.Work<R> work) {
        return DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, work));
    }
}
