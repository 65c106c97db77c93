package org.onewindow.hub.internal;

import java.util.List;

import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RecordDigests;

/**
 * Whether a district's batch continues the journal the hub holds of it. Numbers alone cannot tell: a district restored
 * from an older copy numbers its new records from where the copy was, and once they pass what the hub acknowledged they
 * look like the next ones (the fault test of issue 18 lost 15 cases so). What tells is the record itself at the number
 * the hub acknowledged: the hub keeps its digest ({@link RecordDigests}), and the district's record there must have it.
 * A journal identity made at the first start would not do (a restored copy carries the same one), nor one made at
 * every start (every restart would look like a restore). So the hub takes records only once it has seen the district's
 * record at its acknowledged number (in the batch, or as the batch's {@code afterDigest}) equal to its own; a journal
 * shorter than that number, or with another record there, is rewound, and stays refused until reconciled.
 */
final class JournalContinuity {

    /** What the hub does with a batch: refuse it as rewound (why), or apply what follows its acknowledged number (if it may). */
    record Judgement(String rewound, boolean mayApply, Boolean verified) {
        static Judgement rewound(String why) {
            return new Judgement(why, false, false);
        }
    }

    private JournalContinuity() {
    }

    /**
     * @param acked the district's highest number the hub applied
     * @param ackedDigest the digest of that record as the hub applied it (or as a reconciled district chose); null if the
     *        hub has none yet (acknowledged before digests were kept)
     * @param refusedSince non-null while the hub refuses the district as rewound
     * @param records the batch's records in number order
     */
    static Judgement judge(long acked, String ackedDigest, Object refusedSince, BatchDTO batch, List<RecordDTO> records) {
        if (refusedSince != null) {
            return Judgement.rewound("区县日志已被判定回退（数据库从较早的备份恢复），须待区县与枢纽对账完成后才接收");
        }
        if (batch.journalLastSeq < acked) {
            return Judgement.rewound("区县日志只到 #" + batch.journalLastSeq + "，而枢纽已确认至 #" + acked);
        }
        if (acked == 0) {
            return new Judgement(null, true, true);
        }
        String theirs = null;
        for (RecordDTO r : records) {
            if (r.seq == acked) {
                theirs = RecordDigests.of(r);
            }
        }
        if (theirs == null && batch.after != null && batch.after == acked) {
            theirs = batch.afterDigest;
        }
        if (theirs != null) {
            if (ackedDigest != null && !ackedDigest.equals(theirs)) {
                return Judgement.rewound("区县日志 #" + acked + " 已不是枢纽确认过的那条记录");
            }
            return new Judgement(null, true, true);
        }
        if (batch.after == null) {
            // a district of before (no digests): taken as before, unchecked
            return new Judgement(null, true, null);
        }
        if (batch.after == acked) {
            // the district no longer knows its record there (pruned before it kept digests): the first batch goes unchecked
            return new Judgement(null, true, false);
        }
        // the batch does not reach the acknowledged number: nothing is taken; the district goes on from there
        return new Judgement(null, false, false);
    }
}
