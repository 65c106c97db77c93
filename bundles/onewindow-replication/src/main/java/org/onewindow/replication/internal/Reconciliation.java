package org.onewindow.replication.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.RestoreNote;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.RebaseDTO;
import org.onewindow.replication.ReconciliationPageDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RestoreStatusDTO;
import org.onewindow.replication.SigningKey;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A district the hub found rewound (restored from an older copy of its data) catches up with the city before it takes
 * in a case again: it takes back its own records the hub holds after the last number both agreed on, page by page,
 * and each capability puts their state back ({@link JournalRestore}: cases with their histories, licences, cards);
 * then the journal is rebased past what the hub had acknowledged, what this appliance wrote after that point is
 * journaled again as it now stands, and the hub is told where the journal goes on. Case numbers resume after the
 * highest the city has seen, since intake raises its counters with every case it restores. Each step can be run again
 * after a crash: pages are applied idempotently and progress is kept, and the rebase only moves forward.
 */
final class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    /** The kind without whose capability nothing is restored: intake's cases (it is starting, or not installed). */
    static final String CASES = "CASE";
    private final ChangeJournal journal;
    private final HubLink link;
    private final HubClient hub;
    private final DataSource dataSource;
    private final Supplier<List<JournalRestore>> restorers;
    private final int pageSize;
    private final SecureRandom random = new SecureRandom();

    Reconciliation(ChangeJournal journal, HubLink link, HubClient hub, DataSource dataSource, Supplier<List<JournalRestore>> restorers,
            int pageSize) {
        this.journal = journal;
        this.link = link;
        this.hub = hub;
        this.dataSource = dataSource;
        this.restorers = restorers;
        this.pageSize = Math.max(1, pageSize);
    }

    /** Runs the reconciliation of {@code row} as far as it goes; true once the hub takes the journal again. */
    boolean run(HubLink.Row row, SigningKey key) throws HubFailure {
        HubLink.Restore restore = row.restore;
        Map<String, JournalRestore> byKind = byKind();
        if (!byKind.containsKey(CASES)) {
            link.restoreError("waiting for the case capability (intake) to start: it restores the cases");
            return false;
        }
        Map<String, Set<String>> changedHere = changedSince(restore.point(), Long.MAX_VALUE);
        long after = restore.progress();
        long hubAcked;
        for (;;) {
            long asked = System.nanoTime();
            ReconciliationPageDTO page = hub.reconciliation(row.hubUrl, key, after, pageSize, Instant.now());
            long fetched = System.nanoTime();
            hubAcked = page.acked;
            List<RestoreNote> notes = apply(page.records, byKind, changedHere);
            long last = page.records.isEmpty() ? after : page.records.get(page.records.size() - 1).seq;
            link.restored(hubAcked, last, page.records.size(), notes, Instant.now());
            LOG.info("Took back {} records after #{} from the hub: fetched in {} ms, applied in {} ms", page.records.size(), after,
                    (fetched - asked) / 1_000_000, (System.nanoTime() - fetched) / 1_000_000);
            after = last;
            if (!page.more) {
                break;
            }
        }
        if (link.hasNotes(RestoreNote.CONFLICT)) {
            link.restoreState("CONFLICT", "records under one key differ here and at the hub: nothing was overwritten; see the notes"
                    + " and docs/operations.md");
            LOG.error("Reconciliation with the hub stopped on conflicting records (onewindow:replication-status): no case is taken in");
            return false;
        }
        // the journal goes on past what the hub acknowledged; what was written here after the agreed point is journaled again
        long acked = hubAcked;
        long rebasedAt = Jdbc.tx(dataSource, c -> journal.rebase(c, acked));
        Map<String, Set<String>> written = changedSince(restore.point(), rebasedAt);
        for (Map.Entry<String, Set<String>> kind : written.entrySet()) {
            JournalRestore r = byKind.get(kind.getKey());
            if (r != null) {
                r.journalAgain(kind.getKey(), kind.getValue());
            }
        }
        RebaseDTO rebase = new RebaseDTO();
        rebase.rebasedAt = rebasedAt;
        // what the hub keeps as the digest of the record the journal continues from: there is no such record here (the
        // numbers up to the rebase are not this journal's), so a value of this reconciliation's own
        byte[] chosen = new byte[32];
        random.nextBytes(chosen);
        rebase.digest = HexFormat.of().formatHex(chosen);
        AckDTO ack = hub.rebase(row.hubUrl, key, rebase, Instant.now());
        link.reconciled(ack.acked, rebase.digest, Instant.now());
        journal.reconciled();
        LOG.warn("Reconciled with the city hub after a restore: {} records taken back after #{}, the journal rebased from #{} to #{}",
                link.read().restore.records(), restore.point(), hubAcked, rebasedAt);
        return true;
    }

    /** The restore as district IT reads it ({@code GET /replication}), with its notes. */
    RestoreStatusDTO status(HubLink.Restore r) {
        RestoreStatusDTO out = new RestoreStatusDTO();
        out.state = r.state();
        out.detectedAt = r.detectedAt() == null ? null : r.detectedAt().toString();
        out.hubAcked = r.hubAcked() == null ? 0 : r.hubAcked();
        out.restorePoint = r.point();
        out.recordsRestored = r.records();
        out.rebasedAt = r.rebasedAt();
        out.reconciledAt = r.doneAt() == null ? null : r.doneAt().toString();
        out.millis = r.doneAt() == null || r.detectedAt() == null ? null : Duration.between(r.detectedAt(), r.doneAt()).toMillis();
        out.lastError = r.error();
        out.notes = link.notes(500);
        return out;
    }

    /** The restore's lines of {@code onewindow:replication-status}. */
    static void describe(RestoreStatusDTO r, Map<String, Object> out) {
        out.put("restore", r.state + ": found " + r.detectedAt + ", agreed up to #" + r.restorePoint + ", hub had #" + r.hubAcked + ", "
                + r.recordsRestored + " records taken back" + (r.rebasedAt == null ? "" : ", journal rebased to #" + r.rebasedAt)
                + (r.millis == null ? "" : " in " + r.millis + " ms"));
        if (r.lastError != null) {
            out.put("restore error", r.lastError);
        }
        Map<String, Long> kinds = r.notes.stream().collect(Collectors.groupingBy(n -> n.kind, TreeMap::new, Collectors.counting()));
        if (!kinds.isEmpty()) {
            out.put("restore notes", kinds + " (GET /api/v1/replication; docs/operations.md, \"Restoring a district\")");
        }
    }

    /** The page's records through the capability of each kind, one transaction per kind and page. */
    private static List<RestoreNote> apply(List<RecordDTO> records, Map<String, JournalRestore> byKind, Map<String, Set<String>> changedHere) {
        Map<String, List<JournalEntry>> byKindEntries = new LinkedHashMap<>();
        for (RecordDTO r : records) {
            JournalEntry e = new JournalEntry();
            e.seq = r.seq;
            e.kind = r.kind;
            e.key = r.key;
            e.payload = r.payload;
            e.writtenAt = r.writtenAt;
            byKindEntries.computeIfAbsent(r.kind, k -> new ArrayList<>()).add(e);
        }
        List<RestoreNote> notes = new ArrayList<>();
        for (Map.Entry<String, List<JournalEntry>> kind : byKindEntries.entrySet()) {
            JournalRestore r = byKind.get(kind.getKey());
            if (r == null) {
                notes.add(new RestoreNote(RestoreNote.NOT_RESTORED, kind.getKey(), kind.getValue().size() + " records of kind " + kind.getKey()
                        + ": no installed capability restores them (install its feature and restore again)"));
            } else {
                notes.addAll(r.restore(kind.getValue(), changedHere.getOrDefault(kind.getKey(), Set.of())));
            }
        }
        return notes;
    }

    private Map<String, JournalRestore> byKind() {
        Map<String, JournalRestore> out = new LinkedHashMap<>();
        for (JournalRestore r : restorers.get()) {
            r.kinds().forEach(k -> out.putIfAbsent(k, r));
        }
        return out;
    }

    /** The keys, by kind, this journal holds records of after {@code point} up to {@code upTo}. */
    private Map<String, Set<String>> changedSince(long point, long upTo) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        long after = point;
        for (;;) {
            List<JournalEntry> entries = journal.after(after, 1000);
            for (JournalEntry e : entries) {
                if (e.seq > upTo) {
                    return out;
                }
                out.computeIfAbsent(e.kind, k -> new HashSet<>()).add(e.key);
                after = e.seq;
            }
            if (entries.size() < 1000) {
                return out;
            }
        }
    }
}
