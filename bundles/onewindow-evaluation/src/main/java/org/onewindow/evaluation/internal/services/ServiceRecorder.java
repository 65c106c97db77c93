package org.onewindow.evaluation.internal.services;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DiskGate;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.evaluation.ServiceKind;
import org.onewindow.evaluation.internal.EvaluationConfig;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.onewindow.node.NodeService;
import org.onewindow.online.Notifier;
import org.onewindow.queue.QueueService;
import org.onewindow.queue.ServedTicketDTO;
import org.onewindow.queue.WindowDTO;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.Json;
import org.onewindow.rest.PollPacing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the services to rate from the cases' moves: reads the change journal (intake records every change of a case in the
 * changing transaction) from where it last stopped, writes each stage reached once, with the window its clerk is signed in
 * at when the queue runs, and moves the cursor in the same transaction. A finished case's contact is texted a link at once;
 * once an hour, the finished cases still unrated after {@code inviteAfterDays} get their one invitation. The queue's numbers
 * served without a case are services too ({@link TicketServices}), read from the queue when it runs.
 */
@Component(immediate = true, service = ServiceRecorder.class, configurationPid = EvaluationConfig.PID)
public class ServiceRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRecorder.class);
    private static final int BATCH = 500;
    private static final long INVITATION_ROUND_SECONDS = 3600;

    @Reference
    EvaluationStore store;

    @Reference
    ChangeJournal journal;

    @Reference
    NodeService node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile QueueService queue;

    @Reference(name = "notifier", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Notifier notifier;

    private Invitations invitations;
    private InvitationRule rule;
    private ScheduledExecutorService worker;
    private PollPacing pacing;
    private volatile long lastRound;

    @Activate
    void activate(EvaluationConfig config) {
        String district = node.info().districtName;
        start(new Invitations(() -> notifier, (district == null ? "" : district) + "政务服务中心", config.publicBaseUrl()),
                new InvitationRule(config.inviteAfterDays(), config.ratingDays()));
        // every caseWatchSeconds while it works or idles; after a failure longer, and after a full disk or a read-only
        // database 5 s doubling to 20 s: each try on a full disk would make Derby boot the database again
        long interval = 1000L * Math.max(1, config.caseWatchSeconds());
        pacing = new PollPacing(interval, interval, new Backoff(interval, 60_000, Math::random), Math::random);
        worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-evaluation"));
        worker.schedule(this::runSafely, 1, TimeUnit.SECONDS);
    }

    /** The cursor rows: the journal's number read up to, and the end time of the queue's numbers read from. */
    private static final int JOURNAL = 1;
    private static final int TICKETS = 2;

    /** The unit tests' way in: a recorder on the store and journal, without a worker of its own. */
    static ServiceRecorder of(EvaluationStore store, ChangeJournal journal, Invitations invitations, InvitationRule rule) {
        ServiceRecorder r = new ServiceRecorder();
        r.store = store;
        r.journal = journal;
        r.start(invitations, rule);
        return r;
    }

    private void start(Invitations invitations, InvitationRule rule) {
        this.invitations = invitations;
        this.rule = rule;
        store.tx(c -> {
            // cases moved and numbers served before the feature was installed are not rated through it
            if (cursor(c, JOURNAL) < 0) {
                Jdbc.update(c, "INSERT INTO EVAL_CURSOR (ID, LAST_SEQ) VALUES (?, ?)", JOURNAL, journal.lastSeq());
            }
            if (cursor(c, TICKETS) < 0) {
                Jdbc.update(c, "INSERT INTO EVAL_CURSOR (ID, LAST_SEQ) VALUES (?, ?)", TICKETS, store.clock().millis());
            }
            return null;
        });
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    private void runSafely() {
        long delay;
        try {
            DiskGate.check();
            int done = run() + tickets();
            long now = System.currentTimeMillis();
            if (now - lastRound >= INVITATION_ROUND_SECONDS * 1000) {
                lastRound = now;
                invite(store.clock().instant());
            }
            delay = done > 0 ? pacing.worked() : pacing.idle();
        } catch (RuntimeException e) {
            delay = pacing.failed(e);
            LOG.warn("Services to rate paused for {} ms: {}", delay, e.toString());
        }
        try {
            worker.schedule(this::runSafely, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the component was deactivated meanwhile
        }
    }

    /** Reads the journal to its head; answers how many services it wrote. */
    int run() {
        int written = 0;
        for (;;) {
            long from = store.tx(c -> cursor(c, JOURNAL));
            List<JournalEntry> entries = journal.after(from, BATCH);
            if (entries.isEmpty()) {
                return written;
            }
            List<ServiceRecord> records = new ArrayList<>();
            for (JournalEntry e : entries) {
                records.addAll(stages(e));
            }
            Map<String, Integer> windows = windows();
            long to = entries.get(entries.size() - 1).seq;
            List<Text> texts = new ArrayList<>();
            written += store.tx(c -> {
                texts.clear();
                int n = 0;
                for (ServiceRecord r : records) {
                    Integer window = r.kind() == ServiceKind.WINDOW && r.clerk() != null ? windows.get(r.clerk()) : null;
                    Optional<Long> id = ServiceStore.add(c, r, window, store.zone());
                    if (id.isPresent()) {
                        n++;
                        if (r.finalStage() && r.mobile() != null) {
                            texts.add(new Text(r.mobile(), r.caseNo(), r.itemName(), invitations.link(c, id.get(), store.clock().instant())));
                        }
                    }
                }
                Jdbc.update(c, "UPDATE EVAL_CURSOR SET LAST_SEQ = ? WHERE ID = ? AND LAST_SEQ = ?", to, JOURNAL, from);
                return n;
            });
            texts.forEach(t -> invitations.send(t.mobile(), t.caseNo(), t.itemName(), t.token(), false));
            if (entries.size() < BATCH) {
                return written;
            }
        }
    }

    private record Text(String mobile, String caseNo, String itemName, String token) {
    }

    /**
     * Sends the one invitation each finished case still unrated is due; the contact is forgotten with it. Answers how many
     * were sent.
     */
    int invite(Instant now) {
        if (!rule.enabled()) {
            return 0;
        }
        List<Text> texts = store.tx(c -> {
            List<Text> due = new ArrayList<>();
            for (ServiceStore.Service s : ServiceStore.list(c, "SELECT " + ServiceStore.COLUMNS + " FROM EVAL_SERVICE s WHERE FINAL = 1"
                    + " AND RATED = 0 AND INVITED_AT IS NULL AND MOBILE IS NOT NULL AND SERVED_AT <= ? AND SERVED_AT > ?"
                    + " AND NOT EXISTS (SELECT 1 FROM EVAL_RATING r WHERE r.CASE_NO = s.CASE_NO)", Timestamp.from(rule.latestFinish(now)),
                    Timestamp.from(rule.earliestFinish(now)))) {
                Jdbc.update(c, "UPDATE EVAL_SERVICE SET INVITED_AT = ?, MOBILE = NULL WHERE ID = ?", now, s.id());
                due.add(new Text(s.mobile(), s.caseNo(), s.itemName(), invitations.link(c, s.id(), now)));
            }
            // the contacts of services no longer to be invited are not kept
            Jdbc.update(c, "UPDATE EVAL_SERVICE SET MOBILE = NULL WHERE MOBILE IS NOT NULL AND (FINAL = 0 OR SERVED_AT <= ?)",
                    Timestamp.from(rule.earliestFinish(now)));
            return due;
        });
        texts.forEach(t -> invitations.send(t.mobile(), t.caseNo(), t.itemName(), t.token(), true));
        return texts.size();
    }

    /** Which window each signed-in clerk is at now; none without the queue. */
    private Map<String, Integer> windows() {
        Map<String, Integer> out = new HashMap<>();
        QueueService q = queue;
        if (q != null) {
            try {
                for (WindowDTO w : q.windows()) {
                    if (w.clerk() != null) {
                        out.put(w.clerk(), w.no());
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("The queue's windows not read: {}", e.toString());
            }
        }
        return out;
    }

    private static List<ServiceRecord> stages(JournalEntry e) {
        if (!"CASE".equals(e.kind)) {
            return List.of();
        }
        try {
            return CaseStages.of(Json.mapper().readTree(e.payload));
        } catch (IOException | RuntimeException bad) {
            LOG.warn("Journal record {} is not a case the evaluation can read: {}", e.seq, bad.toString());
            return List.of();
        }
    }

    private static long cursor(Connection c, int row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT LAST_SEQ FROM EVAL_CURSOR WHERE ID = ?")) {
            s.setInt(1, row);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    /**
     * The queue's numbers served without a case since the last read: each a service to rate at its window. Read again from
     * the last end seen (a number ending in the same millisecond is not missed; one written already is skipped).
     */
    int tickets() {
        QueueService q = queue;
        if (q == null) {
            return 0;
        }
        long since = store.tx(c -> cursor(c, TICKETS));
        List<ServedTicketDTO> served = q.servedWithoutCase(Instant.ofEpochMilli(since), BATCH);
        if (served.isEmpty()) {
            return 0;
        }
        long last = Instant.parse(served.get(served.size() - 1).finishedAt()).toEpochMilli();
        return store.tx(c -> {
            int n = 0;
            for (ServedTicketDTO t : served) {
                n += ServiceStore.add(c, TicketServices.of(t), t.window(), store.zone()).isPresent() ? 1 : 0;
            }
            Jdbc.update(c, "UPDATE EVAL_CURSOR SET LAST_SEQ = ? WHERE ID = ?", Math.max(since, last), TICKETS);
            return n;
        });
    }
}
