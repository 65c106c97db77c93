package org.onewindow.replication.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.ChainBreak;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RecordDigests;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.onewindow.rest.Json;
import org.onewindow.rest.PollPacing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of an approved link: the journal after what the hub acknowledged, and the audit trail after what it holds
 * once it keeps trails, signed; then the hub's acknowledgement taken as the truth, what it holds long enough pruned, and
 * a break it found in the audit chain kept for the node's health. Runs in the shipper's cycle.
 */
final class JournalShipping {
    private static final Logger LOG = LoggerFactory.getLogger(JournalShipping.class);

    private final ChangeJournal journal;
    private final AuditTrail trail;
    private final HubLink link;
    private final LinkKeys keys;
    private final HubClient hub;
    /** This node's version, which every batch carries. */
    private final Supplier<String> version;
    private final PollPacing pacing;
    /** Failed calls to the hub in a row: an answer ends the run. */
    private final AtomicInteger failures;
    private final int batchSize;
    private final long heartbeatSeconds;
    private final int journalRetentionDays;
    private Instant lastSent = Instant.EPOCH;
    private Instant lastPruned = Instant.EPOCH;
    /** The hub answered with the audit trail it holds: it keeps trails, and this node's goes with every batch. */
    private volatile boolean hubTakesTrail;
    /** Where the hub last said this node's audit chain breaks, null while it holds. */
    private volatile ChainBreak auditBreak;

    JournalShipping(ChangeJournal journal, AuditTrail trail, HubLink link, LinkKeys keys, HubClient hub, Supplier<String> version,
            PollPacing pacing, AtomicInteger failures, int batchSize, long heartbeatSeconds, int journalRetentionDays) {
        this.journal = journal;
        this.trail = trail;
        this.link = link;
        this.keys = keys;
        this.hub = hub;
        this.version = version;
        this.pacing = pacing;
        this.failures = failures;
        this.batchSize = batchSize;
        this.heartbeatSeconds = heartbeatSeconds;
        this.journalRetentionDays = journalRetentionDays;
    }

    /** Where the hub last said this node's audit chain breaks; null while it takes the trail. */
    ChainBreak auditBreak() {
        return auditBreak;
    }

    /** Ships what the hub has not acknowledged (or a heartbeat when due); answers how long to wait before the next. */
    long ship(HubLink.Row row) throws HubFailure {
        List<JournalEntry> entries = journal.after(row.acked, Math.max(1, batchSize));
        // the audit trail after what the hub holds goes along, once the hub has said it keeps trails
        long auditAfter = trail.head().shippedSeq();
        List<AuditRecord> audit = hubTakesTrail ? trail.after(auditAfter, Math.max(1, batchSize)) : List.of();
        Instant now = Instant.now();
        if (!entries.isEmpty() && entries.get(0).seq > row.acked + 1) {
            // the hub lost what it had acknowledged (restored from a backup older than journalRetentionDays)
            throw new HubFailure(409, "JOURNAL_PRUNED", "the hub needs records from #" + (row.acked + 1)
                    + " that this journal deleted after journalRetentionDays; they cannot be sent again (see docs/operations.md)");
        }
        if (entries.isEmpty() && audit.isEmpty() && now.isBefore(lastSent.plusSeconds(heartbeatSeconds))) {
            return pacing.idle();
        }
        String afterDigest = row.ackedDigest != null || row.acked == 0 ? row.ackedDigest : digestAt(row.acked, List.of());
        AckDTO ack = hub.ship(row.hubUrl, keys.of(row), batch(row.district, row.acked, afterDigest, entries, hubTakesTrail ? auditAfter : null, audit),
                now);
        lastSent = now;
        failures.set(0);
        if (row.state != DistrictState.APPROVED) {
            link.state(DistrictState.APPROVED, null);
        }
        // the digest of this journal's record at the number the hub acknowledged goes with the next batch
        String digest = ack.acked == row.acked ? afterDigest : ack.acked == 0 ? null : digestAt(ack.acked, entries);
        boolean verified = ack.verified == null || ack.verified;
        link.acked(ack.acked, digest, verified, now);
        if (verified) {
            journal.confirmed();
        }
        prune(ack.acked, now);
        trailAcknowledged(row.district, ack);
        if (ack.acked < row.acked) {
            LOG.warn("The hub acknowledges district {} only up to #{} (was #{}): shipping again from there", row.district, ack.acked, row.acked);
        }
        if (entries.size() >= batchSize || audit.size() >= batchSize) {
            return 0;
        }
        return entries.isEmpty() && audit.isEmpty() ? pacing.idle() : pacing.worked(); // a heartbeat is no work
    }

    /**
     * The hub holds this district's audit trail up to {@code auditAcked}: records up to there may be pruned here once old
     * enough. A break the hub found is said once, loudly: the hub takes nothing after it until the city accepts it.
     */
    private void trailAcknowledged(String district, AckDTO ack) {
        if (ack.auditAcked == null) {
            return; // a hub that keeps no trails yet: nothing is sent to it, nothing pruned for it
        }
        hubTakesTrail = true;
        trail.shipped(ack.auditAcked);
        ChainBreak before = auditBreak;
        auditBreak = ack.auditBreak;
        if (ack.auditBreak != null && (before == null || before.seq != ack.auditBreak.seq || before.kind != ack.auditBreak.kind)) {
            LOG.error("The city hub refuses this district's audit trail from #{}: {} ({}). Run onewindow:audit-verify here and see"
                    + " docs/operations.md, \"The audit trail\"", ack.auditBreak.seq, ack.auditBreak.kind, ack.auditBreak.detail);
        } else if (ack.auditBreak == null && before != null) {
            LOG.info("The city hub takes district {}'s audit trail again (up to #{})", district, ack.auditAcked);
        }
    }

    /**
     * Once an hour, deletes what the hub has had for {@code journalRetentionDays}: kept that long so that a hub
     * restored from a recent backup can be sent it again.
     */
    private void prune(long acked, Instant now) {
        if (journalRetentionDays <= 0 || now.isBefore(lastPruned.plusSeconds(3600))) {
            return;
        }
        lastPruned = now;
        int deleted = journal.prune(acked, now.minus(Duration.ofDays(journalRetentionDays)));
        if (deleted > 0) {
            LOG.info("{} journal records the hub has had for {} days deleted", deleted, journalRetentionDays);
        }
    }

    /** The digest of this journal's record {@code seq}, from {@code sent} or the journal; null if it is gone (pruned). */
    private String digestAt(long seq, List<JournalEntry> sent) {
        for (JournalEntry e : sent) {
            if (e.seq == seq) {
                return RecordDigests.of(record(e));
            }
        }
        List<JournalEntry> there = journal.after(seq - 1, 1);
        return !there.isEmpty() && there.get(0).seq == seq ? RecordDigests.of(record(there.get(0))) : null;
    }

    /** A journal entry as the hub receives it. */
    private static RecordDTO record(JournalEntry e) {
        return RecordDTO.of(e.seq, e.kind, e.key, e.writtenAt, e.payload);
    }

    private byte[] batch(String district, long after, String afterDigest, List<JournalEntry> entries, Long auditAfter, List<AuditRecord> audit) {
        BatchDTO batch = new BatchDTO();
        batch.district = district;
        batch.after = after;
        batch.afterDigest = afterDigest;
        batch.version = version.get();
        batch.journalLastSeq = journal.lastSeq();
        batch.records = entries.stream().map(JournalShipping::record).collect(Collectors.toList());
        batch.auditAfter = auditAfter;
        batch.audit = auditAfter == null ? null : audit;
        return Json.bytes(batch);
    }
}
