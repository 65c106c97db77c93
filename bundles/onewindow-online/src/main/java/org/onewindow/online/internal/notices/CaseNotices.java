package org.onewindow.online.internal.notices;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DiskGate;
import org.onewindow.db.JournalEntry;
import org.onewindow.online.internal.common.OnlineConfig;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.Json;
import org.onewindow.rest.PollPacing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells citizens when their case moves (补正, decided, ready, posted), whichever window moved it:
 * reads the change journal, where every change of a case is recorded whole in its own transaction,
 * from where it last stopped. Each case is told a status once; a notice is sent before the cursor
 * moves on, so a crash in between sends it again rather than never. A notice goes to the contact on the
 * case (the mobile noted at the window, or for an online case the verified mobile its citizen applied
 * with), never to a mobile bound to the ID number later: a binding does not take over earlier cases.
 */
@Component(immediate = true, configurationPid = OnlineConfig.PID)
public class CaseNotices {
    private static final Logger LOG = LoggerFactory.getLogger(CaseNotices.class);
    private static final int BATCH = 500;

    @Reference
    OnlineDatabase db;

    @Reference
    ChangeJournal journal;

    @Reference
    Notices notices;

    private ScheduledExecutorService timer;
    private PollPacing pacing;

    @Activate
    void activate(OnlineConfig config) {
        db.tx(em -> {
            if (em.createNativeQuery("SELECT COUNT(*) FROM ONLINE_NOTICE_CURSOR").getSingleResult() instanceof Number n && n.longValue() == 0) {
                // changes before the feature was installed are old news
                em.createNativeQuery("INSERT INTO ONLINE_NOTICE_CURSOR (ID, LAST_SEQ) VALUES (1, ?)").setParameter(1, journal.lastSeq())
                        .executeUpdate();
            }
            return null;
        });
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-case-notices"));
        long interval = Math.max(1, config.caseNoticeSeconds()) * 1000L;
        // after a failure it waits longer, after a full disk longest: each look makes Derby boot a database it shut down
        pacing = new PollPacing(interval, interval, new Backoff(interval, 60_000, Math::random), Math::random);
        timer.schedule(this::runSafely, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void runSafely() {
        long delay;
        try {
            DiskGate.check();
            while (run() == BATCH) {
                // a full batch: go on at once
            }
            delay = pacing.worked();
        } catch (RuntimeException e) {
            delay = pacing.failed(e);
            LOG.warn("Case notices paused for {} ms: {}", delay, e.toString());
        }
        try {
            timer.schedule(this::runSafely, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // the component was deactivated meanwhile
        }
    }

    /** Reads one batch of the journal and tells what is to be told; answers how many records it read. */
    int run() {
        long from = db.tx(em -> ((Number) em.createNativeQuery("SELECT LAST_SEQ FROM ONLINE_NOTICE_CURSOR WHERE ID = 1").getSingleResult())
                .longValue());
        List<JournalEntry> entries = journal.after(from, BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        for (JournalEntry e : entries) {
            if ("CASE".equals(e.kind)) {
                tell(e);
            }
        }
        long to = entries.get(entries.size() - 1).seq;
        db.tx(em -> em.createNativeQuery("UPDATE ONLINE_NOTICE_CURSOR SET LAST_SEQ = ? WHERE ID = 1").setParameter(1, to).executeUpdate());
        return entries.size();
    }

    private void tell(JournalEntry e) {
        JsonNode c;
        try {
            c = Json.mapper().readTree(e.payload);
        } catch (IOException bad) {
            LOG.warn("Journal record {} is not JSON: {}", e.seq, bad.toString());
            return;
        }
        String caseNo = c.path("caseNo").asText();
        String status = c.path("status").asText();
        Optional<CaseNoticeTexts.Text> text = CaseNoticeTexts.of(c);
        String told = db.tx(em -> {
            List<?> rows = em.createNativeQuery("SELECT LAST_STATUS FROM ONLINE_CASE_NOTICE WHERE CASE_NO = ?").setParameter(1, caseNo)
                    .getResultList();
            return rows.isEmpty() ? null : rows.get(0).toString();
        });
        if (status.equals(told) || text.isEmpty() && told == null) {
            return;
        }
        if (text.isPresent()) {
            String idNumber = c.path("applicant").path("idNumber").asText();
            notices.tell(text.get().kind(), idNumber, CaseContacts.mobile(c.path("applicant").path("phone").asText(null)), caseNo, text.get().text());
        }
        // a quiet step is remembered too, so that a second 补正 after it is told again
        db.tx(em -> {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            if (em.createNativeQuery("UPDATE ONLINE_CASE_NOTICE SET LAST_STATUS = ?, TOLD_AT = ? WHERE CASE_NO = ?").setParameter(1, status)
                    .setParameter(2, now).setParameter(3, caseNo).executeUpdate() == 0) {
                em.createNativeQuery("INSERT INTO ONLINE_CASE_NOTICE (CASE_NO, LAST_STATUS, TOLD_AT) VALUES (?, ?, ?)").setParameter(1, caseNo)
                        .setParameter(2, status).setParameter(3, now).executeUpdate();
            }
            return null;
        });
    }
}
