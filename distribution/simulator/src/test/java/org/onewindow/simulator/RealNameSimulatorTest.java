package org.onewindow.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class RealNameSimulatorTest {
    private static final String ID = "441302199003071238";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private KeyPair hall;
    private RealNameSimulator service;
    private PublicKey serviceKey;

    @Before
    public void start() throws Exception {
        dir = Files.createTempDirectory("realname");
        hall = Ed25519.loadOrCreate(dir.resolve("hall-key.pem"), dir.resolve("hall-key.pub.pem"));
        service = new RealNameSimulator(0, 0, "OW441302", dir.resolve("hall-key.pub.pem"), dir.resolve("platform-key.pem"));
        service.start();
        service.person(ID, "张三", "13800138000");
        serviceKey = Ed25519.readPublic(dir.resolve("platform-key.pem.pub"));
    }

    @After
    public void stop() {
        service.close();
    }

    @Test
    public void theServiceKeyIsMadeOnceAndKeptPrivate() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("platform-key.pem"))));
        RealNameSimulator again = new RealNameSimulator(0, 0, "OW441302", dir.resolve("hall-key.pub.pem"), dir.resolve("platform-key.pem"));
        again.close();
        assertEquals("the same key at the next start", serviceKey, Ed25519.readPublic(dir.resolve("platform-key.pem.pub")));
    }

    @Test
    public void aRegisteredMobileMatchesAndAnyOtherDoesNotEachAnswerSigned() throws Exception {
        HttpResponse<byte[]> yes = ask("r-1", ID, "张三", "13800138000", hall, "OW441302", 0);
        assertEquals(200, yes.statusCode());
        JsonNode a = JSON.readTree(yes.body());
        assertEquals("r-1", a.path("requestId").asText());
        assertEquals("MATCH", a.path("result").asText());
        assertTrue(a.path("reference").asText().startsWith("RN"));
        assertTrue("signed with the service's key", Ed25519.verify(serviceKey, yes.headers().firstValue(Signatures.TIMESTAMP).orElseThrow(),
                yes.body(), yes.headers().firstValue(Signatures.SIGNATURE).orElseThrow()));
        assertEquals("MISMATCH", JSON.readTree(ask("r-2", ID, "张三", "13900139000", hall, "OW441302", 0).body()).path("result").asText());
        assertEquals("the name counts too", "MISMATCH", JSON.readTree(ask("r-3", ID, "李四", "13800138000", hall, "OW441302", 0).body())
                .path("result").asText());
    }

    @Test
    public void forgedStaleAndReplayedQuestionsAreRefused() throws Exception {
        assertEquals("another key", 401, ask("r-1", ID, "张三", "13800138000", Ed25519.generate(), "OW441302", 0).statusCode());
        assertEquals("another client", 401, ask("r-2", ID, "张三", "13800138000", hall, "OW000000", 0).statusCode());
        assertEquals("ten minutes old", 401, ask("r-3", ID, "张三", "13800138000", hall, "OW441302", 600).statusCode());
        assertEquals(200, ask("r-4", ID, "张三", "13800138000", hall, "OW441302", 0).statusCode());
        assertEquals("the same request again", 409, ask("r-4", ID, "张三", "13800138000", hall, "OW441302", 0).statusCode());
    }

    @Test
    public void scenariosForgeDelayAndFail() throws Exception {
        admin("{\"forge\":true}");
        HttpResponse<byte[]> forged = ask("r-1", ID, "张三", "13800138000", hall, "OW441302", 0);
        assertFalse("signed with a key the hall does not know", Ed25519.verify(serviceKey, forged.headers().firstValue(Signatures.TIMESTAMP)
                .orElseThrow(), forged.body(), forged.headers().firstValue(Signatures.SIGNATURE).orElseThrow()));
        admin("{\"forge\":false,\"down\":true}");
        assertEquals(503, ask("r-2", ID, "张三", "13800138000", hall, "OW441302", 0).statusCode());
    }

    @Test
    public void aBadAdminCommandIsAnswered400NotDropped() throws Exception {
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.adminPort() + "/admin/persons"))
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertEquals("{\"code\":\"BAD_REQUEST\"}", bad.body());
    }

    private void admin(String json) throws Exception {
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.adminPort() + "/admin/scenario"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private HttpResponse<byte[]> ask(String requestId, String id, String name, String mobile, KeyPair signer, String client, long age)
            throws Exception {
        byte[] body = ("{\"requestId\":\"" + requestId + "\",\"idNumber\":\"" + id + "\",\"name\":\"" + name + "\",\"mobile\":\"" + mobile + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        long at = Instant.now().getEpochSecond() - age;
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/v1/verifications"))
                .header("Content-Type", "application/json").header(RealNameSimulator.CLIENT, client)
                .header(Signatures.TIMESTAMP, Long.toString(at)).header(Signatures.SIGNATURE, Ed25519.sign(signer.getPrivate(), at, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
