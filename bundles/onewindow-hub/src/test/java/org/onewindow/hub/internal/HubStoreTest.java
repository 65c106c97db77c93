package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.problem.Problem;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.CaseFilesDTO;
import org.onewindow.replication.FileCopyDTO;
import org.onewindow.replication.FileUploadDTO;
import org.onewindow.replication.CaseIndexEntryDTO;
import org.onewindow.replication.CityStatsDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.HubHandoverDTO;
import org.onewindow.replication.HubMessageDTO;
import org.onewindow.replication.InboxAckDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.security.Hmac;

/** The hub's tables on an in-memory Derby: batches applied exactly once, in order, cross-district messages, files, the board. */
public class HubStoreTest {
    private Districts districts;
    private DistrictKeys keys;
    private BatchApplier applier;
    private CityBoard board;
    private CityMessages messages;
    private CityFiles files;
    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");
    private int nonces;

    @Before
    public void freshDatabase() throws IOException, SQLException {
        EmbeddedDataSource ds = HubDatabase.migrated();
        districts = new Districts(ds);
        keys = new DistrictKeys(ds);
        applier = new BatchApplier(ds, new DistrictTrails(TestTrails.chain()));
        board = new CityBoard(ds);
        messages = new CityMessages(ds);
        files = new CityFiles(ds);
    }

    @Test
    public void batchesApplyInOrderExactlyOnce() {
        approved("441302");
        AckDTO first = apply("441302", 1, 3);
        assertEquals(3, first.acked);
        assertEquals(3, first.applied);
        assertEquals("a repeated batch changes nothing", 0, apply("441302", 1, 3).applied);
        AckDTO overlapping = apply("441302", 2, 5);
        assertEquals(5, overlapping.acked);
        assertEquals(2, overlapping.applied);
        AckDTO gap = apply("441302", 7, 8);
        assertEquals("nothing after a gap", 5, gap.acked);
        assertEquals(0, gap.applied);
        assertEquals(List.of("441302-20261128-0001", "441302-20261128-0002", "441302-20261128-0003", "441302-20261128-0004",
                "441302-20261128-0005"), board.cases("441302", null, 100).stream().map(c -> c.caseNo).collect(Collectors.toList()));
        assertEquals("DRAFT", board.cases("441302", "441302-20261128-0004", 100).get(0).status);
        assertEquals(1, board.cases("441302", "441302-20261128-0004", 100).size());
        assertEquals("the district has written up to 8", 3, districts.list().get(0).backlog);
    }

    @Test
    public void severalStatesOfOneCaseInABatchLeaveTheLatest() {
        approved("441302");
        BatchDTO batch = batch("441302", 1, 3);
        for (int i = 1; i < 3; i++) {
            batch.records.get(i).key = "441302-20261128-0002";
            batch.records.get(i).payload = batch.records.get(i).payload.replace("0003", "0002");
        }
        batch.records.get(2).payload = batch.records.get(2).payload.replace("DRAFT", "ACCEPTED");
        BatchApplier.checkOwnership("441302", batch);
        assertEquals(3, applier.apply("441302", batch, "n", now, now.minusSeconds(600)).applied);
        List<CaseIndexEntryDTO> index = board.cases("441302", null, 10);
        assertEquals(2, index.size());
        assertEquals("ACCEPTED", index.get(1).status);
        assertEquals(3, index.get(1).seq);
    }

    @Test
    public void aReplayedNonceAndAnotherDistrictsRecordAreRefused() {
        approved("441302");
        BatchDTO batch = batch("441302", 1, 1);
        applier.apply("441302", batch, "same", now, now.minusSeconds(600));
        expect("REPLAYED", () -> applier.apply("441302", batch, "same", now, now.minusSeconds(600)));
        BatchDTO foreign = batch("441302", 2, 2);
        foreign.records.get(0).key = "441303-20261128-0002";
        expect("FOREIGN_RECORD", () -> BatchApplier.checkOwnership("441302", foreign));
        expect("FOREIGN_RECORD", () -> BatchApplier.checkOwnership("441303", batch("441302", 2, 2)));
    }

    @Test
    public void aDistrictWhoseJournalWentBackMustRegisterAgainAndThenShipsItAll() {
        approved("441302");
        apply("441302", 1, 5);
        // restored from an older backup: its journal ends at 2
        expect("JOURNAL_REWOUND", () -> apply("441302", 1, 2));
        districts.change("441302", DistrictState.REVOKED, List.of(DistrictState.APPROVED), null, "admin", now);
        HubDatabase.approved(districts, keys, HubDatabase.key("441302"), now);
        AckDTO again = apply("441302", 1, 3);
        assertEquals(3, again.acked);
        assertEquals(3, again.applied);
        assertEquals("the cases the hub had stay", 5, board.cases("441302", null, 100).size());
    }

    @Test
    public void aSuspendedDistrictsBatchIsRefusedAndALaterOneGoesOn() {
        approved("441302");
        apply("441302", 1, 2);
        districts.change("441302", DistrictState.SUSPENDED, List.of(DistrictState.APPROVED), null, "admin", now);
        expect("DISTRICT_NOT_APPROVED", () -> apply("441302", 3, 4));
        districts.change("441302", DistrictState.APPROVED, List.of(DistrictState.SUSPENDED), districts.list().get(0).fingerprint, "admin", now);
        assertEquals(4, apply("441302", 3, 4).acked);
    }

    @Test
    public void theBoardCountsCasesByDistrictDepartmentAndChannel() {
        approved("441302");
        approved("441303");
        apply("441302", 1, 3);
        apply("441303", 1, 2);
        CityStatsDTO stats = board.stats(districts);
        assertEquals(5, stats.cases);
        assertEquals(Long.valueOf(5), stats.byChannel.get("WINDOW"));
        assertEquals(Set.of(3L, 2L), stats.districts.stream().map(d -> d.cases).collect(Collectors.toSet()));
        assertEquals("GA", stats.byDepartment.get(0).code);
        assertEquals(0.0, stats.onlineShare, 0.0);
        assertEquals(Long.valueOf(0), stats.openCards.get("RED"));
    }

    @Test
    public void cardsAndLicencesAreKeptPerDistrictAndCounted() {
        approved("441302");
        BatchDTO batch = batch("441302", 1, 3);
        batch.records.get(0).kind = "CARD";
        batch.records.get(0).key = "441302-20261128-0009";
        batch.records.get(0).payload = "{\"caseNo\":\"441302-20261128-0009\",\"color\":\"RED\"}";
        batch.records.get(1).kind = "LICENCE";
        batch.records.get(1).key = "BUSINESS_LICENCE/BL-1";
        batch.records.get(1).payload = "{\"type\":\"BUSINESS_LICENCE\",\"number\":\"BL-1\"}";
        BatchApplier.checkOwnership("441302", batch);
        applier.apply("441302", batch, "n", now, now.minusSeconds(600));
        CityStatsDTO stats = board.stats(districts);
        assertEquals(Long.valueOf(1), stats.openCards.get("RED"));
        assertEquals(1, stats.licences);
        assertEquals(1, stats.cases);

        BatchDTO removed = batch("441302", 4, 4);
        removed.records.get(0).kind = "CARD";
        removed.records.get(0).key = "441302-20261128-0009";
        removed.records.get(0).payload = "{\"caseNo\":\"441302-20261128-0009\",\"removed\":true}";
        applier.apply("441302", removed, "m", now, now.minusSeconds(600));
        assertEquals(Long.valueOf(0), board.stats(districts).openCards.get("RED"));
    }

    @Test
    public void aHandoverIsOneMessageForTheDecidingDistrictAndItsAcknowledgementOneReceipt() {
        approved("441302");
        approved("441303");
        HubMessageDTO first = messages.handover("441302", handover("441303", "441302-20261128-0001", "k1"), now);
        assertEquals("the same delivery again is the same message", first.id,
                messages.handover("441302", handover("441303", "441302-20261128-0001", "k1"), now).id);
        expect("FOREIGN_RECORD", () -> messages.handover("441303", handover("441302", "441302-20261128-0002", "k2"), now));
        expect("DISTRICT_NOT_FEDERATED", () -> messages.handover("441302", handover("441399", "441302-20261128-0003", "k3"), now));
        expect("INVALID_HANDOVER", () -> messages.handover("441302", handover("441302", "441302-20261128-0004", "k4"), now));
        HubHandoverDTO mismatched = handover("441303", "441302-20261128-0005", "k5");
        mismatched.payload = mismatched.payload.replace("0005", "0006");
        expect("FOREIGN_RECORD", () -> messages.handover("441302", mismatched, now));
        assertEquals(List.of(), messages.inbox("441302", 10));
        List<HubMessageDTO> inbox = messages.inbox("441303", 10);
        assertEquals(1, inbox.size());
        assertEquals(HubMessageDTO.HANDOVER, inbox.get(0).kind);
        assertEquals(1, districts.list().get(1).inbox);

        InboxAckDTO ack = new InboxAckDTO();
        ack.done.add(first.id);
        assertEquals(1, messages.acknowledge("441303", ack, now));
        assertEquals("acknowledged twice, delivered once", 0, messages.acknowledge("441303", ack, now));
        assertEquals("another district cannot acknowledge it", 0, messages.acknowledge("441302", ack, now));
        assertEquals(List.of(), messages.inbox("441303", 10));
        List<HubMessageDTO> receipts = messages.inbox("441302", 10);
        assertEquals(1, receipts.size());
        assertEquals(HubMessageDTO.RECEIPT, receipts.get(0).kind);
        assertEquals("receipt:k1", receipts.get(0).key);
    }

    @Test
    public void theDecidingDistrictsJournalAnswersEachDeliveryOnceAndOnlyForCasesHandedToIt() {
        approved("441302");
        approved("441303");
        approved("441304");
        messages.handover("441302", handover("441303", "441302-20261128-0001", "k1"), now);
        BatchDTO review = foreign("441303", 1, "441302-20261128-0001", "k1", "IN_REVIEW");
        assertEquals(1, applier.apply("441303", review, "f1", now, now.minusSeconds(600)).applied);
        assertEquals("no decision yet", List.of(), messages.inbox("441302", 10));
        BatchDTO decided = foreign("441303", 2, "441302-20261128-0001", "k1", "APPROVED");
        applier.apply("441303", decided, "f2", now, now.minusSeconds(600));
        // the same state journaled again (the copy changed otherwise): the decision is not doubled
        decided.records.get(0).seq = 3;
        decided.journalLastSeq = 3;
        applier.apply("441303", decided, "f3", now, now.minusSeconds(600));
        List<HubMessageDTO> answers = messages.inbox("441302", 10);
        assertEquals(1, answers.size());
        assertEquals(HubMessageDTO.DECISION, answers.get(0).kind);
        assertEquals("decision:k1", answers.get(0).key);
        assertEquals("441303", answers.get(0).fromDistrict);

        expect("FOREIGN_RECORD", () -> applier.apply("441304", foreign("441304", 1, "441302-20261128-0001", "k1", "APPROVED"), "f4", now,
                now.minusSeconds(600)));
        assertEquals("the refused batch left nothing", 0, districts.list().get(2).ackedSeq);
    }

    @Test
    public void anExtensionAtTheDecidingDistrictAndAWithdrawalAtTheAcceptingOneEachMakeOneMessage() {
        approved("441302");
        approved("441303");
        messages.handover("441302", handover("441303", "441302-20261128-0001", "k1"), now);
        BatchDTO extended = foreign("441303", 1, "441302-20261128-0001", "k1", "IN_REVIEW");
        extended.records.get(0).payload = extended.records.get(0).payload.replace("}", ",\"timeLimit\":{\"extendedDays\":3}}");
        applier.apply("441303", extended, "e1", now, now.minusSeconds(600));
        extended.records.get(0).seq = 2;
        extended.journalLastSeq = 2;
        applier.apply("441303", extended, "e2", now, now.minusSeconds(600));
        List<HubMessageDTO> toA = messages.inbox("441302", 10);
        assertEquals(1, toA.size());
        assertEquals(HubMessageDTO.EXTENSION, toA.get(0).kind);
        assertEquals("extension:k1:3", toA.get(0).key);

        BatchDTO withdrawn = batch("441302", 1, 2);
        withdrawn.records.get(1).key = "441302-20261128-0001";
        withdrawn.records.get(1).payload = "{\"caseNo\":\"441302-20261128-0001\",\"status\":\"WITHDRAWN\",\"route\":\"CITY\"}";
        BatchApplier.checkOwnership("441302", withdrawn);
        applier.apply("441302", withdrawn, "w1", now, now.minusSeconds(600));
        List<HubMessageDTO> toB = messages.inbox("441303", 10);
        assertEquals(2, toB.size());
        assertEquals(HubMessageDTO.WITHDRAWAL, toB.get(1).kind);
        assertEquals("441302-20261128-0001", toB.get(1).caseNo);
    }

    @Test
    public void filesOnDemandAreAskedOnceAndKeptOnceCheckedAgainstTheirHash() {
        approved("441302");
        approved("441303");
        apply("441302", 1, 1);
        String no = "441302-20261128-0001";
        CaseFilesDTO asked = files.request(no, "441300", now);
        assertEquals("441302", asked.district);
        assertEquals(true, asked.pending);
        files.request(no, "441300", now.plusSeconds(1));
        assertEquals("one request while one is on its way", 1, messages.inbox("441302", 10).size());
        expect("CASE_NOT_FOUND", () -> files.request("441302-20261128-0099", "441300", now));

        FileUploadDTO upload = new FileUploadDTO();
        upload.caseNo = no;
        FileCopyDTO f = new FileCopyDTO();
        f.name = "p1.png";
        f.contentType = "image/png";
        f.contentBase64 = Base64.getEncoder().encodeToString("page one".getBytes(StandardCharsets.UTF_8));
        f.sha256 = Hmac.sha256("page two".getBytes(StandardCharsets.UTF_8));
        upload.files.add(f);
        expect("INVALID_FILES", () -> files.store("441302", upload, now));
        f.sha256 = Hmac.sha256("page one".getBytes(StandardCharsets.UTF_8));
        expect("FOREIGN_RECORD", () -> files.store("441303", upload, now));
        assertEquals(1, files.store("441302", upload, now));
        assertEquals("sent again, kept once", 0, files.store("441302", upload, now));
        CaseFilesDTO listed = files.list(no);
        assertEquals(1, listed.files.size());
        assertEquals("page one", new String(files.content(no, listed.files.get(0).id).bytes, StandardCharsets.UTF_8));
        expect("FILE_NOT_FOUND", () -> files.content(no, listed.files.get(0).id + 1));
    }

    @Test
    public void aCaseSupervisedInTwoDistrictsCountsOnceInItsWorstColour() {
        approved("441302");
        approved("441303");
        messages.handover("441302", handover("441303", "441302-20261128-0001", "k1"), now);
        applier.apply("441302", card("441302", "441302-20261128-0001", "YELLOW"), "c1", now, now.minusSeconds(600));
        applier.apply("441303", card("441303", "441302-20261128-0001", "RED"), "c2", now, now.minusSeconds(600));
        CityStatsDTO stats = board.stats(districts);
        assertEquals(Long.valueOf(1), stats.openCards.get("RED"));
        assertEquals(Long.valueOf(0), stats.openCards.get("YELLOW"));
    }

    private static BatchDTO card(String district, String caseNo, String colour) {
        BatchDTO b = batch(district, 1, 1);
        b.records.get(0).kind = "CARD";
        b.records.get(0).key = caseNo;
        b.records.get(0).payload = "{\"caseNo\":\"" + caseNo + "\",\"color\":\"" + colour + "\"}";
        BatchApplier.checkOwnership(district, b);
        return b;
    }

    private static HubHandoverDTO handover(String to, String caseNo, String key) {
        HubHandoverDTO h = new HubHandoverDTO();
        h.toDistrict = to;
        h.caseNo = caseNo;
        h.deliveryKey = key;
        h.purpose = "CASE";
        h.payload = "{\"caseFile\":{\"caseNo\":\"" + caseNo + "\"}}";
        return h;
    }

    private static BatchDTO foreign(String district, long seq, String caseNo, String delivery, String status) {
        BatchDTO b = new BatchDTO();
        b.district = district;
        b.journalLastSeq = seq;
        RecordDTO r = new RecordDTO();
        r.seq = seq;
        r.kind = CityMessages.FOREIGN_CASE;
        r.key = caseNo;
        r.writtenAt = "2026-11-28T07:59:59Z";
        r.payload = "{\"caseNo\":\"" + caseNo + "\",\"status\":\"" + status + "\",\"originDistrict\":\"441302\",\"originDelivery\":\""
                + delivery + "\"}";
        b.records = new ArrayList<>(List.of(r));
        BatchApplier.checkOwnership(district, b);
        return b;
    }

    private void approved(String code) {
        HubDatabase.approved(districts, keys, HubDatabase.key(code), now);
    }

    private AckDTO apply(String district, long from, long to) {
        BatchDTO batch = batch(district, from, to);
        BatchApplier.checkOwnership(district, batch);
        return applier.apply(district, batch, "n" + (++nonces), now, now.minusSeconds(600));
    }

    private static BatchDTO batch(String district, long from, long to) {
        BatchDTO b = new BatchDTO();
        b.district = district;
        b.journalLastSeq = to;
        b.records = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(seq -> {
            RecordDTO r = new RecordDTO();
            r.seq = seq;
            r.kind = "CASE";
            r.key = String.format("%s-20261128-%04d", district, seq);
            r.writtenAt = "2026-11-28T07:59:59Z";
            r.payload = "{\"caseNo\":\"" + r.key + "\",\"departmentCode\":\"GA\",\"departmentName\":\"公安\",\"channel\":\"WINDOW\","
                    + "\"status\":\"DRAFT\",\"visits\":1,\"createdAt\":\"2026-11-28T07:59:00Z\"}";
            b.records.add(r);
        });
        return b;
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
