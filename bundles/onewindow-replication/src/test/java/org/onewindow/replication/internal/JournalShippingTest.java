package org.onewindow.replication.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.BreakKind;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.node.HealthReason;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.RecordDigests;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SignedRequests;
import org.onewindow.replication.SigningKey;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.Json;
import org.onewindow.rest.PollPacing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An approved district ships its journal (the real one, on an in-memory Derby) and its audit trail to a hub, and
 * takes the hub's acknowledgement as the truth; what district IT and health are told follows. The hub is an HTTP
 * server of the test's that checks each batch's signature with the district's registered key, as the hub does,
 * and answers as told.
 */
public class JournalShippingTest {
    private static final String DISTRICT = "441302";
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();
    private final List<BatchDTO> received = new CopyOnWriteArrayList<>();
    /** The hub's answer to a batch whose signature holds. */
    private volatile Function<BatchDTO, AckDTO> hubAnswers = JournalShippingTest::everything;
    private final AtomicInteger failures = new AtomicInteger();
    private HttpServer hub;
    private EmbeddedDataSource ds;
    private ChangeJournal journal;
    private AuditTrail trail;
    private HubLink link;
    private SigningKey key;
    private JournalShipping shipping;
    private LinkReport report;

    @Before
    public void anApprovedDistrictAndItsHub() throws Exception {
        hub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        hub.createContext("/api/v1/hub/batches", this::batch);
        hub.start();
        ds = TestDatabases.memory("shipping");
        journal = TestDatabases.journal(ds);
        TestDatabases.migrate(ds, "replication", "db/migration/replication");
        TestTrails.install(ds);
        trail = TestTrails.trail(ds);
        link = new HubLink(ds);
        HubClient client = new HubClient(2000, 5000);
        LinkKeys keys = new LinkKeys(new DistrictKeyStore(temporary.getRoot().toPath().resolve("federation")), link, client,
                () -> SignatureAlgorithms.ED25519, trail);
        key = keys.forRegistration(DISTRICT, null);
        link.register("http://localhost:" + hub.getAddress().getPort(), null, key, DistrictState.APPROVED, null, Instant.now());
        keys.registered(key);
        PollPacing pacing = new PollPacing(200, 2000, new Backoff(1000, 10_000, () -> 0.5), () -> 0.5);
        shipping = new JournalShipping(journal, trail, link, keys, client, () -> "2.1.0", pacing, failures, 2, 30, 30);
        report = new LinkReport(journal, trail, link, new Reconciliation(journal, link, client, ds, List::of, 500), failures,
                shipping::auditBreak);
    }

    @After
    public void stopHub() {
        hub.stop(0);
    }

    @Test
    public void aBacklogGoesInSignedBatchesEachAfterWhatTheHubAcknowledged() throws Exception {
        journaled("441302-20261207-0001", "441302-20261207-0002", "441302-20261207-0003");
        failures.set(2);
        assertEquals("a full batch: the next at once", 0, shipping.ship(link.read()));
        assertEquals(0, failures.get());
        HubLink.Row row = link.read();
        assertEquals(2, row.acked);
        BatchDTO first = received.get(0);
        assertEquals(List.of(1L, 2L), seqs(first));
        assertEquals(Long.valueOf(0), first.after);
        assertNull(first.afterDigest);
        assertEquals(3, first.journalLastSeq);
        assertEquals("2.1.0", first.version);
        assertNull("a hub that keeps no trails is sent none", first.auditAfter);
        assertEquals(RecordDigests.of(first.records.get(1)), row.ackedDigest);

        assertTrue("work done, not a full batch: soon again", shipping.ship(row) > 0);
        BatchDTO second = received.get(1);
        assertEquals(List.of(3L), seqs(second));
        assertEquals(Long.valueOf(2), second.after);
        assertEquals("the digest of the record the hub acknowledged goes along", row.ackedDigest, second.afterDigest);
        assertEquals(3, link.read().acked);
        assertEquals(0, report.link().backlog);

        shipping.ship(link.read());
        assertEquals("nothing to ship and no heartbeat due: no call", 2, received.size());
    }

    @Test
    public void theHubsAcknowledgementIsTheTruth() throws Exception {
        journaled("441302-20261207-0001", "441302-20261207-0002", "441302-20261207-0003");
        hubAnswers = batch -> ack(1, true);
        shipping.ship(link.read());
        assertEquals(1, link.read().acked);
        hubAnswers = JournalShippingTest::everything;
        shipping.ship(link.read());
        BatchDTO again = received.get(1);
        assertEquals("shipped again from what the hub has", List.of(2L, 3L), seqs(again));
        assertEquals(RecordDigests.of(received.get(0).records.get(0)), again.afterDigest);
        assertEquals(3, link.read().acked);
    }

    @Test
    public void recordsTheHubNeedsAfterTheyWerePrunedHereAreNotSentAsIfNothingWereMissing() throws Exception {
        journaled("441302-20261207-0001", "441302-20261207-0002");
        shipping.ship(link.read());
        assertEquals(2, journal.prune(2, Instant.now().plus(Duration.ofDays(1))));
        journaled("441302-20261207-0003");
        link.acked(1, null, true, Instant.now()); // the hub restored from a backup that had only #1
        HubClient.HubFailure refused = assertThrows(HubClient.HubFailure.class, () -> shipping.ship(link.read()));
        assertEquals("JOURNAL_PRUNED", refused.code);
        assertEquals(1, received.size());
    }

    @Test
    public void theAuditTrailGoesAlongOnceTheHubKeepsItAndABreakItFindsMakesTheNodeDegraded() throws Exception {
        journaled("441302-20261207-0001");
        hubAnswers = batch -> withTrail(everything(batch), 0, null);
        shipping.ship(link.read());
        long last = trail.record(AuditEvent.by("READ_CASE", "clerk1").on("CASE", "441302-20261207-0001").citizen("441302199003071238"));
        hubAnswers = batch -> withTrail(everything(batch), last - 1, new ChainBreak(last, BreakKind.CHANGED, "hash differs"));
        shipping.ship(link.read());
        BatchDTO withAudit = received.get(1);
        assertEquals("the trail after what the hub holds", Long.valueOf(0), withAudit.auditAfter);
        assertEquals(last, withAudit.audit.get(withAudit.audit.size() - 1).seq);
        assertEquals(last - 1, trail.head().shippedSeq());
        assertEquals(List.of("AUDIT_CHAIN_REFUSED"), codes(report.healthReasons()));
        assertEquals("#" + last + " CHANGED: hash differs (onewindow:audit-verify; docs/operations.md)", report.status().get("AUDIT CHAIN REFUSED"));

        hubAnswers = batch -> withTrail(everything(batch), last, null);
        shipping.ship(link.read());
        assertNull(shipping.auditBreak());
        assertEquals(List.of(), codes(report.healthReasons()));
    }

    @Test
    public void threeFailedCallsInARowOrASuspensionMakeTheNodeDegraded() {
        failures.set(2);
        assertEquals(List.of(), codes(report.healthReasons()));
        failures.set(3);
        link.failed("hub unreachable");
        assertEquals(List.of("HUB_LINK_FAILING"), codes(report.healthReasons()));
        failures.set(0);
        link.state(DistrictState.SUSPENDED, "DISTRICT_SUSPENDED: by the city");
        assertEquals(List.of("HUB_LINK_FAILING"), codes(report.healthReasons()));
        Map<String, Object> status = report.status();
        assertEquals(DistrictState.SUSPENDED, status.get("link"));
        assertEquals(key.fingerprint(), status.get("key fingerprint"));
        assertEquals("NONE: plain HTTP, unverified (a test or the demo only)", status.get("hub certificate"));
    }

    private void journaled(String... caseNos) {
        Jdbc.tx(ds, c -> {
            for (String caseNo : caseNos) {
                journal.append(c, "CASE", caseNo, "{\"caseNo\":\"" + caseNo + "\"}");
            }
            return null;
        });
    }

    /** The hub's side: the signature checked with the registered key, the batch kept, the answer as the test says. */
    private void batch(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var h = exchange.getRequestHeaders();
        boolean signed = SignedRequests.verify(key.algorithm(), key.algorithm().publicKey(key.publicKey()), h.getFirst(SignedRequests.DISTRICT),
                Long.parseLong(h.getFirst(SignedRequests.TIMESTAMP)), h.getFirst(SignedRequests.NONCE), body, h.getFirst(SignedRequests.SIGNATURE));
        byte[] answer = "{\"code\":\"BAD_SIGNATURE\",\"message\":\"not the district's key\"}".getBytes();
        if (signed) {
            BatchDTO batch = Json.mapper().readValue(body, BatchDTO.class);
            received.add(batch);
            answer = Json.bytes(hubAnswers.apply(batch));
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(signed ? 200 : 401, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Everything of the batch applied. */
    private static AckDTO everything(BatchDTO batch) {
        return ack(batch.after + batch.records.size(), true);
    }

    private static AckDTO ack(long acked, boolean verified) {
        AckDTO ack = new AckDTO();
        ack.acked = acked;
        ack.verified = verified;
        return ack;
    }

    private static AckDTO withTrail(AckDTO ack, long auditAcked, ChainBreak broken) {
        ack.auditAcked = auditAcked;
        ack.auditBreak = broken;
        return ack;
    }

    private static List<Long> seqs(BatchDTO batch) {
        return batch.records.stream().map(r -> r.seq).collect(Collectors.toList());
    }

    private static List<String> codes(List<HealthReason> reasons) {
        return reasons.stream().map(HealthReason::code).collect(Collectors.toList());
    }
}
