package org.onewindow.audit.internal;

import java.util.function.Function;

import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.BreakKind;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.ChainReport;
import org.onewindow.audit.TrailHead;

/**
 * One walk along the chain, record by record in number order, from the anchor to the head. After a break it goes on
 * from the broken record, so that each place touched is reported once; the head is checked last (records deleted from
 * the end, or a last record changed, show there).
 */
final class ChainWalk {
    /** Breaks whose link is looked up in the whole trail (a scan each) to tell a moved record from a missing one. */
    private static final int LOOKUPS = 10;

    private final ChainHashes hashes;
    private final TrailHead head;
    private final Function<String, Long> whereIs;
    private final ChainReport report = new ChainReport();
    private long prevSeq;
    private String prevHash;

    /** {@code whereIs}: the number of the record carrying a hash, or null if the trail holds none. */
    ChainWalk(ChainHashes hashes, TrailHead head, Function<String, Long> whereIs) {
        this.hashes = hashes;
        this.head = head;
        this.whereIs = whereIs;
        prevSeq = head.anchorSeq();
        prevHash = head.anchorHash();
        report.anchorSeq = head.anchorSeq();
        report.anchorHash = head.anchorHash();
        report.lastSeq = head.lastSeq();
        report.shippedSeq = head.shippedSeq();
    }

    void next(AuditRecord r) {
        report.checked++;
        ChainBreak b = hashes.check(prevSeq, prevHash, r);
        if (b != null && b.kind == BreakKind.MISSING && b.seq == r.seq && report.breaks.size() < LOOKUPS) {
            // intact and in sequence, but linked elsewhere: the predecessor it names may sit at another place
            Long at = whereIs.apply(r.prevHash);
            if (at != null && at != prevSeq) {
                b = new ChainBreak(r.seq, BreakKind.REORDERED, "it follows the record now numbered #" + at + ", not #" + prevSeq
                        + ": records were moved");
            }
        }
        add(b);
        prevSeq = r.seq;
        prevHash = r.hash == null ? "" : r.hash;
    }

    ChainReport end() {
        if (prevSeq < head.lastSeq()) {
            add(new ChainBreak(prevSeq + 1, BreakKind.MISSING, "the head names #" + head.lastSeq() + " as the last record; records from #"
                    + (prevSeq + 1) + " on are missing"));
        } else if (prevSeq == head.lastSeq() && !prevHash.equals(head.lastHash())) {
            add(new ChainBreak(prevSeq, BreakKind.CHANGED, "the last record's hash is not the one the head kept"));
        }
        report.intact = report.breaks.isEmpty();
        return report;
    }

    private void add(ChainBreak b) {
        if (b != null && report.breaks.size() < ChainReport.MAX_BREAKS) {
            report.breaks.add(b);
        }
    }
}
