package org.onewindow.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The simulator in-process on ephemeral ports, with a tiny appliance stand-in taking its callbacks. */
public class DepartmentSimulatorTest {
    private static final String SECRET = "s3cret";
    private static final String ID_NUMBER = "441302199003071238";
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private DepartmentSimulator simulator;
    private HttpServer appliance;
    /** The callbacks the appliance stand-in received. */
    private final BlockingQueue<Received> callbacks = new LinkedBlockingQueue<>();
    /** What the appliance stand-in answers, in turn; 200 when empty. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private String callbackUrl;
    private int seq;

    static final class Received {
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        JsonNode json;
    }

    @Before
    public void start() throws IOException {
        PrintStream out = new PrintStream(new TeeStream(logged, System.out), true, StandardCharsets.UTF_8);
        Switches switches = new Switches();
        switches.apply(Map.of("decisionDelayMs", 20, "callbackBackoffMs", 50));
        simulator = new DepartmentSimulator(0, 0, SECRET, "GA", switches, null, out).start();
        appliance = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        appliance.createContext("/api/v1/relay/callback/GA", ex -> {
            Received r = new Received();
            for (String h : List.of("Content-Type", "Idempotency-Key", "X-OneWindow-Timestamp", "X-OneWindow-Signature")) {
                r.headers.put(h, ex.getRequestHeaders().getFirst(h));
            }
            r.body = ex.getRequestBody().readAllBytes();
            r.json = mapper.readTree(r.body);
            callbacks.add(r);
            Integer status = answers.poll();
            byte[] answer = status == null || status == 200 ? "{\"status\":\"APPROVED\"}".getBytes(StandardCharsets.UTF_8)
                    : ("{\"code\":\"" + (status == 409 ? "ALREADY_DECIDED" : "OOPS") + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status == null ? 200 : status, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        appliance.start();
        callbackUrl = "http://127.0.0.1:" + appliance.getAddress().getPort() + "/api/v1/relay/callback/GA";
    }

    @After
    public void stop() {
        simulator.close();
        appliance.stop(0);
    }

    @Test
    public void aSignedDeliveryIsAcceptedAndTheSignedDecisionComesBack() throws Exception {
        byte[] scan = "%PDF-1.4 scanned id card".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = delivery("441302-20250102-0001", "key-1", file("id.pdf", scan, Signatures.sha256(scan)));
        HttpResponse<String> r = deliver(body, "key-1");
        assertEquals(r.body(), 202, r.statusCode());
        JsonNode answer = mapper.readTree(r.body());
        String reference = answer.path("reference").asText();
        assertTrue(reference, reference.matches("GA-\\d+"));
        assertEquals("441302-20250102-0001", answer.path("caseNo").asText());
        assertNull(r.headers().firstValue("Idempotent-Replay").orElse(null));

        Received cb = callbacks.poll(5, TimeUnit.SECONDS);
        assertNotNull("a decision callback arrives", cb);
        assertEquals("decision-key-1", cb.headers.get("Idempotency-Key"));
        assertTrue(cb.headers.get("Content-Type").startsWith("application/json"));
        long ts = Long.parseLong(cb.headers.get("X-OneWindow-Timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - ts) < 5);
        assertEquals(independentSign(SECRET, cb.headers.get("X-OneWindow-Timestamp"), cb.body), cb.headers.get("X-OneWindow-Signature"));
        assertTrue(Signatures.verify(SECRET, cb.headers.get("X-OneWindow-Timestamp"), cb.headers.get("X-OneWindow-Signature"),
                cb.body, Instant.now().getEpochSecond(), 300));
        JsonNode d = cb.json;
        assertEquals("441302-20250102-0001", d.path("caseNo").asText());
        assertEquals("key-1", d.path("deliveryKey").asText());
        assertEquals(reference, d.path("reference").asText());
        assertEquals("APPROVED", d.path("decision").asText());
        assertEquals("准予许可决定书 " + reference, d.path("resultDocument").asText());
        assertEquals("GA-LIC-" + reference.substring(3), d.path("licenceNo").asText());
        assertEquals("GA simulator", d.path("decidedBy").asText());
        Instant.parse(d.path("decidedAt").asText());

        JsonNode stats = awaitStats(s -> s.path("pendingDecisions").asInt() == 0);
        assertEquals(1, stats.path("received").asInt());
        assertEquals(1, stats.path("cases").asInt());
        assertEquals(0, stats.path("duplicates").asInt());
        assertEquals(1, stats.path("callbacksSent").asInt());
        assertEquals(1, stats.path("callbacksAccepted").asInt());
        JsonNode held = stats.path("casesByNo").path("441302-20250102-0001");
        assertEquals(reference, held.path("reference").asText());
        assertEquals(1, held.path("deliveries").asInt());
        assertEquals("APPROVED", held.path("decision").asText());
        assertEquals(200, held.path("callbackStatus").asInt());

        String log = logged.toString(StandardCharsets.UTF_8);
        assertTrue(log, log.contains("DELIVERED caseNo=441302-20250102-0001"));
        assertTrue(log, log.contains("applicant=441302********1238"));
        assertFalse("the identity number is never logged whole", log.contains(ID_NUMBER));
    }

    @Test
    public void aBadSignatureIsRefused() throws Exception {
        Map<String, Object> body = delivery("441302-20250102-0002", "key-2");
        byte[] bytes = mapper.writeValueAsBytes(body);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> wrongSecret = post(bytes, "key-2", String.valueOf(now), Signatures.sign("not-the-secret", now, bytes));
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("BAD_SIGNATURE", mapper.readTree(wrongSecret.body()).path("code").asText());
        assertTrue(mapper.readTree(wrongSecret.body()).has("message"));
        assertEquals(401, post(bytes, "key-2", String.valueOf(now), null).statusCode());
        assertEquals(401, post(bytes, "key-2", null, Signatures.sign(SECRET, now, bytes)).statusCode());
        long stale = now - 301;
        assertEquals(401, post(bytes, "key-2", String.valueOf(stale), Signatures.sign(SECRET, stale, bytes)).statusCode());
        long future = now + 400;
        assertEquals(401, post(bytes, "key-2", String.valueOf(future), Signatures.sign(SECRET, future, bytes)).statusCode());
        byte[] tampered = new String(bytes, StandardCharsets.UTF_8).replace("0002", "0003").getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post(tampered, "key-2", String.valueOf(now), Signatures.sign(SECRET, now, bytes)).statusCode());
        // uppercase hex is the same signature
        assertEquals(202, post(bytes, "key-2", String.valueOf(now), Signatures.sign(SECRET, now, bytes).toUpperCase()).statusCode());

        JsonNode stats = simulatorStats();
        assertEquals(6, stats.path("badSignatures").asInt());
        assertEquals(1, stats.path("received").asInt());
        assertEquals(1, stats.path("cases").asInt());
    }

    @Test
    public void aReplayedDeliveryGetsTheSameReferenceAndOneCallback() throws Exception {
        Map<String, Object> body = delivery("441302-20250102-0004", "key-4");
        HttpResponse<String> first = deliver(body, "key-4");
        HttpResponse<String> again = deliver(body, "key-4");
        assertEquals(202, first.statusCode());
        assertEquals(202, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replay").orElse(null));
        // the same case under another key: still held once, with its reference
        HttpResponse<String> otherKey = deliver(delivery("441302-20250102-0004", "key-4b"), "key-4b");
        assertEquals(202, otherKey.statusCode());
        assertEquals(mapper.readTree(first.body()).path("reference"), mapper.readTree(otherKey.body()).path("reference"));

        assertNotNull(callbacks.poll(5, TimeUnit.SECONDS));
        JsonNode stats = awaitStats(s -> s.path("pendingDecisions").asInt() == 0);
        assertNull("one decision only", callbacks.poll(300, TimeUnit.MILLISECONDS));
        stats = simulatorStats();
        assertEquals(3, stats.path("received").asInt());
        assertEquals(1, stats.path("cases").asInt());
        assertEquals(2, stats.path("duplicates").asInt());
        assertEquals(1, stats.path("callbacksSent").asInt());
        assertEquals(3, stats.path("casesByNo").path("441302-20250102-0004").path("deliveries").asInt());
    }

    @Test
    public void downRefusesConnectionsAndUpServesAgain() throws Exception {
        int port = simulator.port();
        simulator.configure(Map.of("down", true));
        try {
            deliver(delivery("441302-20250102-0005", "key-5"), "key-5");
            fail("connection refused while down");
        } catch (ConnectException expected) {
            // the port is really closed
        }
        assertEquals("the admin port stays up", 200, http.send(HttpRequest.newBuilder(adminUri("health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode config = adminPost("config", "{\"down\":false}");
        assertFalse(config.path("down").asBoolean());
        assertEquals(port, simulator.port());
        assertEquals(202, deliver(delivery("441302-20250102-0005", "key-5"), "key-5").statusCode());
        assertEquals(1, simulatorStats().path("cases").asInt());
    }

    @Test
    public void errorRateOneAnswers503AndRecordsNothing() throws Exception {
        adminPost("config", "{\"errorRate\":1}");
        HttpResponse<String> r = deliver(delivery("441302-20250102-0006", "key-6"), "key-6");
        assertEquals(503, r.statusCode());
        assertEquals("UNAVAILABLE", mapper.readTree(r.body()).path("code").asText());
        // even an unsigned one: the outage comes first
        assertEquals(503, post("{}".getBytes(StandardCharsets.UTF_8), "x", null, null).statusCode());
        JsonNode stats = simulatorStats();
        assertEquals(2, stats.path("errorsInjected").asInt());
        assertEquals(0, stats.path("received").asInt());
        assertEquals(0, stats.path("cases").asInt());
        assertEquals(0, stats.path("badSignatures").asInt());
        assertEquals(0, stats.path("pendingDecisions").asInt());
        assertNull(callbacks.poll(200, TimeUnit.MILLISECONDS));
        adminPost("config", "{\"errorRate\":0}");
        assertEquals(202, deliver(delivery("441302-20250102-0006", "key-6"), "key-6").statusCode());
    }

    @Test
    public void aCorruptFileIs422AndRecordsNothing() throws Exception {
        byte[] scan = "scanned licence".getBytes(StandardCharsets.UTF_8);
        String sha = Signatures.sha256(scan);
        Map<String, Object> wrongHash = delivery("441302-20250102-0007", "key-7", file("a.pdf", scan, Signatures.sha256(new byte[] {1})));
        HttpResponse<String> r = deliver(wrongHash, "key-7");
        assertEquals(422, r.statusCode());
        assertEquals("FILE_CORRUPT", mapper.readTree(r.body()).path("code").asText());
        Map<String, Object> wrongSize = delivery("441302-20250102-0007", "key-7", file("a.pdf", scan, sha));
        firstFile(wrongSize).put("size", scan.length + 1);
        assertEquals(422, deliver(wrongSize, "key-7").statusCode());
        Map<String, Object> notBase64 = delivery("441302-20250102-0007", "key-7", file("a.pdf", scan, sha));
        firstFile(notBase64).put("contentBase64", "***");
        assertEquals(422, deliver(notBase64, "key-7").statusCode());
        // files may also come in a top-level "files" array (as the appliance's relay sends them)
        Map<String, Object> topLevel = delivery("441302-20250102-0007", "key-7");
        topLevel.put("files", List.of(file("b.pdf", scan, Signatures.sha256("other".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(422, deliver(topLevel, "key-7").statusCode());

        JsonNode stats = simulatorStats();
        assertEquals(4, stats.path("filesCorrupt").asInt());
        assertEquals(0, stats.path("cases").asInt());
        assertEquals(0, stats.path("received").asInt());
        Map<String, Object> whole = delivery("441302-20250102-0007", "key-7", file("a.pdf", scan, sha.toUpperCase()));
        whole.put("files", List.of(file("b.pdf", scan, sha)));
        assertEquals(202, deliver(whole, "key-7").statusCode());
    }

    @Test
    public void aDeliveryWithoutKeysOrWithAnotherIdempotencyKeyIs400() throws Exception {
        HttpResponse<String> mismatch = deliver(delivery("441302-20250102-0008", "key-8"), "key-other");
        assertEquals(400, mismatch.statusCode());
        assertEquals("BAD_REQUEST", mapper.readTree(mismatch.body()).path("code").asText());
        Map<String, Object> noCase = delivery("441302-20250102-0008", "key-8");
        noCase.remove("caseNo");
        assertEquals(400, deliver(noCase, "key-8").statusCode());
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        assertEquals(400, post(notJson, "key-8", String.valueOf(now), Signatures.sign(SECRET, now, notJson)).statusCode());
        assertEquals(0, simulatorStats().path("cases").asInt());
    }

    @Test
    public void callbacksAreRetriedUntilAnsweredAndSentTwiceWhenAsked() throws Exception {
        adminPost("config", "{\"duplicateCallbacks\":true}");
        answers.add(500);
        answers.add(503);
        answers.add(200);
        answers.add(409);
        assertEquals(202, deliver(delivery("441302-20250102-0009", "key-9"), "key-9").statusCode());
        for (int i = 0; i < 4; i++) {
            Received cb = callbacks.poll(5, TimeUnit.SECONDS);
            assertNotNull("callback " + (i + 1), cb);
            assertEquals("decision-key-9", cb.headers.get("Idempotency-Key"));
        }
        JsonNode stats = awaitStats(s -> s.path("pendingDecisions").asInt() == 0);
        assertNull(callbacks.poll(300, TimeUnit.MILLISECONDS));
        assertEquals(4, stats.path("callbacksSent").asInt());
        assertEquals(1, stats.path("callbacksAccepted").asInt());
        assertEquals(3, stats.path("callbacksRefused").asInt());
        assertEquals(0, stats.path("callbackFailures").asInt());
        assertEquals(409, stats.path("casesByNo").path("441302-20250102-0009").path("callbackStatus").asInt());
    }

    @Test
    public void anUnreachableApplianceIsRetriedThenAbandoned() throws Exception {
        adminPost("config", "{\"callbackAttempts\":3,\"callbackBackoffMs\":20}");
        Map<String, Object> body = delivery("441302-20250102-0010", "key-10");
        appliance.stop(0);
        assertEquals(202, deliver(body, "key-10").statusCode());
        JsonNode stats = awaitStats(s -> s.path("pendingDecisions").asInt() == 0);
        assertEquals(3, stats.path("callbacksSent").asInt());
        assertEquals(3, stats.path("callbackFailures").asInt());
        assertEquals(1, stats.path("callbacksAbandoned").asInt());
    }

    @Test
    public void deniedSupplementHeldAndDecidedByHand() throws Exception {
        adminPost("config", "{\"decision\":\"DENIED\"}");
        deliver(delivery("441302-20250102-0011", "key-11"), "key-11");
        JsonNode denied = callbacks.poll(5, TimeUnit.SECONDS).json;
        assertEquals("DENIED", denied.path("decision").asText());
        assertEquals("不符合法定条件", denied.path("reason").asText());
        assertEquals("《中华人民共和国行政许可法》第三十八条", denied.path("legalBasis").asText());
        assertFalse(denied.has("licenceNo"));

        adminPost("config", "{\"decision\":\"SUPPLEMENT\",\"supplementMaterials\":[\"M02\",\"M03\"]}");
        deliver(delivery("441302-20250102-0012", "key-12"), "key-12");
        JsonNode supplement = callbacks.poll(5, TimeUnit.SECONDS).json;
        assertEquals("SUPPLEMENT", supplement.path("decision").asText());
        assertEquals("[\"M02\",\"M03\"]", supplement.path("materials").toString());

        // the materials sent back under a new key with purpose SUPPLEMENT: decided again, answering the new key
        adminPost("config", "{\"decision\":\"APPROVED\"}");
        Map<String, Object> resubmitted = delivery("441302-20250102-0012", "key-12b");
        resubmitted.put("purpose", "SUPPLEMENT");
        deliver(resubmitted, "key-12b");
        JsonNode approved = callbacks.poll(5, TimeUnit.SECONDS).json;
        assertEquals("APPROVED", approved.path("decision").asText());
        assertEquals("key-12b", approved.path("deliveryKey").asText());
        assertEquals(supplement.path("reference"), approved.path("reference"));

        adminPost("config", "{\"autoDecide\":false}");
        deliver(delivery("441302-20250102-0013", "key-13"), "key-13");
        assertNull("held, never decided", callbacks.poll(300, TimeUnit.MILLISECONDS));
        JsonNode held = simulatorStats().path("casesByNo").path("441302-20250102-0013");
        assertTrue(held.path("decision").isNull());
        adminPost("decide", "{\"caseNo\":\"441302-20250102-0013\",\"decision\":\"DENIED\"}");
        assertEquals("DENIED", callbacks.poll(5, TimeUnit.SECONDS).json.path("decision").asText());
        JsonNode stats = awaitStats(s -> s.path("pendingDecisions").asInt() == 0);
        assertEquals(1, stats.path("resubmissions").asInt());
        assertEquals(0, stats.path("duplicates").asInt());
    }

    @Test
    public void configIsCheckedWholeAndResetForgetsCasesButKeepsTheConfig() throws Exception {
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(adminUri("config")).POST(
                HttpRequest.BodyPublishers.ofString("{\"latencyMs\":5,\"errorRate\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, wrong.statusCode());
        assertEquals(0, simulator.switches().latencyMs());
        assertEquals(400, http.send(HttpRequest.newBuilder(adminUri("config")).POST(
                HttpRequest.BodyPublishers.ofString("{\"noSuchSwitch\":1}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode config = adminPost("config", "{\"latencyMs\":5,\"autoDecide\":false}");
        assertEquals(5, config.path("latencyMs").asInt());
        assertEquals(Switches.NAMES.size(), config.size());
        deliver(delivery("441302-20250102-0014", "key-14"), "key-14");
        assertEquals(1, simulatorStats().path("cases").asInt());
        JsonNode afterReset = adminPost("reset", "");
        assertEquals(0, afterReset.path("cases").asInt());
        assertEquals(0, afterReset.path("received").asInt());
        JsonNode kept = mapper.readTree(http.send(HttpRequest.newBuilder(adminUri("config")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(5, kept.path("latencyMs").asInt());
        assertFalse(kept.path("autoDecide").asBoolean());
        JsonNode health = mapper.readTree(http.send(HttpRequest.newBuilder(adminUri("health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(health.path("up").asBoolean());
    }

    @Test
    public void commandLineOptionsAndMasking() {
        Map<String, String> o = DepartmentSimulator.options(new String[] {"--port", "9500", "--admin-port=9501", "--down",
                "--latency-ms", "50", "--duplicate-callbacks"});
        assertEquals("9500", o.get("port"));
        assertEquals("9501", o.get("adminPort"));
        assertEquals("true", o.get("down"));
        assertEquals("50", o.get("latencyMs"));
        assertEquals("true", o.get("duplicateCallbacks"));
        assertEquals("441302********1238", EventLog.mask(ID_NUMBER));
        assertEquals("**********", EventLog.mask("1234567890"));
        assertNull(EventLog.mask(null));
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> delivery(String caseNo, String key, Map<String, Object>... files) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("deliveryKey", key);
        d.put("caseNo", caseNo);
        d.put("callbackUrl", callbackUrl);
        d.put("district", "441302");
        d.put("item", Map.of("code", "GA-001", "version", 1, "name", "居民身份证换领"));
        d.put("department", Map.of("code", "GA", "name", "公安局"));
        d.put("applicant", Map.of("idType", "RESIDENT_ID", "idNumber", ID_NUMBER, "name", "张三", "phone", "13800000000"));
        d.put("acceptedAt", "2025-01-02T01:02:03Z");
        d.put("deadline", "2025-01-20");
        d.put("timeLimitDays", 10);
        d.put("unknownField", List.of(1, 2));
        List<Map<String, Object>> fs = new ArrayList<>(List.of(files));
        d.put("materials", List.of(new LinkedHashMap<>(Map.of("code", "M01", "name", "身份证", "files", fs))));
        return d;
    }

    private static Map<String, Object> file(String name, byte[] content, String sha256) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("contentType", "application/pdf");
        f.put("size", content.length);
        f.put("sha256", sha256);
        f.put("contentBase64", Base64.getEncoder().encodeToString(content));
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstFile(Map<String, Object> delivery) {
        Map<String, Object> material = ((List<Map<String, Object>>) delivery.get("materials")).get(0);
        return ((List<Map<String, Object>>) material.get("files")).get(0);
    }

    private HttpResponse<String> deliver(Map<String, Object> body, String idempotencyKey) throws Exception {
        byte[] bytes = mapper.writeValueAsBytes(body);
        long now = Instant.now().getEpochSecond();
        return post(bytes, idempotencyKey, String.valueOf(now), Signatures.sign(SECRET, now, bytes));
    }

    private HttpResponse<String> post(byte[] body, String key, String timestamp, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/cases"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (timestamp != null) {
            b.header("X-OneWindow-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("X-OneWindow-Signature", signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI adminUri(String path) {
        return URI.create("http://127.0.0.1:" + simulator.adminPort() + "/admin/" + path);
    }

    private JsonNode adminPost(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(adminUri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(r.body(), 200, r.statusCode());
        return mapper.readTree(r.body());
    }

    private JsonNode simulatorStats() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(adminUri("stats")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode());
        return mapper.readTree(r.body());
    }

    private JsonNode awaitStats(java.util.function.Predicate<JsonNode> done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        JsonNode s = simulatorStats();
        while (!done.test(s) && System.nanoTime() < end) {
            Thread.sleep(20);
            s = simulatorStats();
        }
        assertTrue(s.toString(), done.test(s));
        return s;
    }

    /** HMAC-SHA256 written out again here, independent of {@link Signatures}. */
    private static String independentSign(String secret, String timestamp, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] message = new byte[timestamp.length() + 1 + body.length];
        System.arraycopy(timestamp.getBytes(StandardCharsets.UTF_8), 0, message, 0, timestamp.length());
        message[timestamp.length()] = '.';
        System.arraycopy(body, 0, message, timestamp.length() + 1, body.length);
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(message)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    /** Writes to two streams: the test's copy of the log, and stdout. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
