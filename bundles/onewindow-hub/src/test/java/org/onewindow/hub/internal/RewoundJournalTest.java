package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.problem.Problem;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.RebaseDTO;
import org.onewindow.replication.ReconciliationPageDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RecordDigests;

/**
 * The hub's acceptance rule for a district's journal on an in-memory Derby: a journal that went back (a district restored
 * from an older copy) is refused, and stays refused however far its numbers go, until the district has taken back its
 * records and rebased; a journal that continues the hub's is taken, checked by the digest of the record at the number the
 * hub acknowledged.
 */
public class RewoundJournalTest {
    private static final String A = "441302";
    private Districts districts;
    private DistrictKeys keys;
    private BatchApplier applier;
    private CityBoard board;
    private Reconciliations reconciliations;
    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");
    private int nonces;

    @Before
    public void freshDatabase() throws IOException, SQLException {
        EmbeddedDataSource ds = HubDatabase.migrated();
        districts = new Districts(ds);
        keys = new DistrictKeys(ds);
        applier = new BatchApplier(ds, new DistrictTrails(TestTrails.chain()));
        board = new CityBoard(ds);
        reconciliations = new Reconciliations(ds);
        HubDatabase.approved(districts, keys, HubDatabase.key(A), now);
        HubDatabase.approved(districts, keys, HubDatabase.key("441303"), now);
    }

    @Test
    public void aJournalThatContinuesTheHubsIsTakenAndVerified() {
        List<RecordDTO> first = records(1, 5, "original");
        AckDTO ack = ship(batch(0L, null, first, 5));
        assertEquals(5, ack.acked);
        assertEquals(Boolean.TRUE, ack.verified);
        AckDTO next = ship(batch(5L, RecordDigests.of(first.get(4)), records(6, 7, "original"), 7));
        assertEquals(7, next.acked);
        assertEquals(2, next.applied);
        assertEquals(Boolean.TRUE, next.verified);
        // the batch may also carry the record at the acknowledged number itself (a district behind its own acknowledgement)
        AckDTO overlapping = ship(batch(5L, RecordDigests.of(first.get(4)), concat(records(6, 7, "original"), records(8, 8, "original")), 8));
        assertEquals(8, overlapping.acked);
        assertEquals(1, overlapping.applied);
    }

    /** Finding 1 of issue 18: once the restored journal's numbers passed the acknowledgement, the hub took it again and skipped. */
    @Test
    public void aRewoundJournalStaysRefusedAfterItsNumbersPassWhatTheHubAcknowledged() {
        ship(batch(0L, null, records(1, 5, "original"), 5));
        // restored from a copy with 2 records: the hub sees the journal behind
        expect("JOURNAL_REWOUND", () -> ship(batch(2L, RecordDigests.of(records(2, 2, "original").get(0)), List.of(), 2)));
        // the restored appliance takes in more: records 3..8 are other cases than the hub's 3..5
        List<RecordDTO> after = records(3, 8, "after the restore");
        expect("JOURNAL_REWOUND", () -> ship(batch(2L, RecordDigests.of(records(2, 2, "original").get(0)), after, 8)));
        expect("JOURNAL_REWOUND", () -> ship(batch(5L, RecordDigests.of(after.get(2)), after.subList(3, 6), 8)));
        assertEquals("nothing skipped, nothing overwritten", 5, board.cases(A, null, 100).size());
        assertEquals(5, districts.list().get(0).ackedSeq);
        assertNotNull(districts.list().get(0).rewound);
        assertEquals("logged once", 1, districts.events(A, 100).stream().filter(e -> "JOURNAL_REWOUND".equals(e.event)).count());
    }

    @Test
    public void aRewoundJournalIsFoundByItsRecordEvenWhenTheHubNeverSawItShort() {
        ship(batch(0L, null, records(1, 5, "original"), 5));
        // restored while the hub was away, and past the acknowledgement before it came back: the numbers look right
        List<RecordDTO> other = records(3, 9, "after the restore");
        expect("JOURNAL_REWOUND", () -> ship(batch(5L, RecordDigests.of(other.get(2)), other.subList(3, 7), 9)));
        assertEquals(5, board.cases(A, null, 100).size());
        // or shipped from the restored copy's own acknowledgement, reaching the hub's number within the batch
        String b = "441303";
        applier.apply(b, batch(b, 0L, null, records(b, 1, 5, "original"), 5), "b1", now, now.minusSeconds(600));
        expect("JOURNAL_REWOUND", () -> applier.apply(b, batch(b, 2L, "x".repeat(64), records(b, 3, 9, "after the restore"), 9), "b2", now,
                now.minusSeconds(600)));
        assertEquals(5, board.cases(b, null, 100).size());
    }

    @Test
    public void aBatchThatDoesNotReachTheAcknowledgedNumberTakesNothingAndSaysWhereToGoOn() {
        ship(batch(0L, null, records(1, 5, "original"), 5));
        AckDTO ack = ship(batch(2L, RecordDigests.of(records(2, 2, "original").get(0)), records(3, 4, "original"), 9));
        assertEquals(5, ack.acked);
        assertEquals(0, ack.applied);
        assertEquals(Boolean.FALSE, ack.verified);
        assertNull("not refused: the district goes on from #5 and is checked there", districts.list().get(0).rewound);
    }

    @Test
    public void aDistrictOfBeforeIsTakenAsBeforeUnchecked() {
        ship(batch(0L, null, records(1, 5, "original"), 5));
        AckDTO ack = ship(batch(null, null, records(6, 6, "any"), 6));
        assertEquals(6, ack.acked);
        assertNull(ack.verified);
    }

    @Test
    public void aReconciledDistrictTakesBackOnlyItsOwnRecordsThenRebasesAndIsTakenAgain() {
        ship(batch(0L, null, records(1, 5, "original"), 5));
        applier.apply("441303", batch("441303", 0L, null, records("441303", 1, 3, "theirs"), 3), "m1", now, now.minusSeconds(600));
        expect("JOURNAL_REWOUND", () -> ship(batch(2L, RecordDigests.of(records(2, 2, "original").get(0)), List.of(), 2)));

        ReconciliationPageDTO page = reconciliations.page(A, 2, 2);
        assertEquals(5, page.acked);
        assertTrue(page.rewound);
        assertTrue(page.more);
        assertEquals(List.of(3L, 4L), page.records.stream().map(r -> r.seq).collect(Collectors.toList()));
        ReconciliationPageDTO rest = reconciliations.page(A, 4, 2);
        assertFalse(rest.more);
        assertEquals(List.of(A + "-20261128-0005"), rest.records.stream().map(r -> r.key).collect(Collectors.toList()));
        assertTrue("only the district's own", reconciliations.page(A, 0, 100).records.stream().allMatch(r -> r.key.startsWith(A)));

        expect("REBASE_BEHIND", () -> reconciliations.rebase(A, rebase(4, "a".repeat(64)), now));
        expect("INVALID_REBASE", () -> reconciliations.rebase(A, rebase(9, "not hex"), now));
        AckDTO rebased = reconciliations.rebase(A, rebase(9, "b".repeat(64)), now);
        assertEquals(9, rebased.acked);
        assertNull(districts.list().get(0).rewound);
        AckDTO again = ship(batch(9L, "b".repeat(64), records(10, 11, "after the rebase"), 11));
        assertEquals(11, again.acked);
        assertEquals(Boolean.TRUE, again.verified);
        Map<String, Long> events = districts.events(A, 100).stream().collect(Collectors.groupingBy(e -> e.event, Collectors.counting()));
        assertEquals(Long.valueOf(1), events.get("DISTRICT_RECONCILED"));
        assertEquals(7, board.cases(A, null, 100).size());
    }

    private AckDTO ship(BatchDTO batch) {
        BatchApplier.checkOwnership(A, batch);
        return applier.apply(A, batch, "n" + (++nonces), now, now.minusSeconds(600));
    }

    private static RebaseDTO rebase(long at, String digest) {
        RebaseDTO r = new RebaseDTO();
        r.rebasedAt = at;
        r.digest = digest;
        return r;
    }

    private static BatchDTO batch(Long after, String afterDigest, List<RecordDTO> records, long last) {
        return batch(A, after, afterDigest, records, last);
    }

    private static BatchDTO batch(String district, Long after, String afterDigest, List<RecordDTO> records, long last) {
        BatchDTO b = new BatchDTO();
        b.district = district;
        b.journalLastSeq = last;
        b.after = after;
        b.afterDigest = afterDigest;
        b.records = new ArrayList<>(records);
        return b;
    }

    private static List<RecordDTO> records(long from, long to, String applicant) {
        return records(A, from, to, applicant);
    }

    /** Case records; {@code applicant} tells the original journal's from a restored copy's under the same numbers. */
    private static List<RecordDTO> records(String district, long from, long to, String applicant) {
        return LongStream.rangeClosed(from, to).mapToObj(seq -> {
            RecordDTO r = new RecordDTO();
            r.seq = seq;
            r.kind = "CASE";
            r.key = String.format("%s-20261128-%04d", district, seq);
            r.writtenAt = "2026-11-28T07:59:59Z";
            r.payload = "{\"caseNo\":\"" + r.key + "\",\"status\":\"DRAFT\",\"applicant\":{\"name\":\"" + applicant + "\"}}";
            return r;
        }).collect(Collectors.toList());
    }

    private static List<RecordDTO> concat(List<RecordDTO> a, List<RecordDTO> b) {
        List<RecordDTO> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void expect(String code, Runnable action) {
        try {
            action.run();
            fail("expected " + code);
        } catch (Problem p) {
            assertEquals(code, p.code());
        }
    }
}
