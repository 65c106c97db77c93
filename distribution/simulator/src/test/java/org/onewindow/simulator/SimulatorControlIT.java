package org.onewindow.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The packaged jar run as a process with {@link SimulatorControl}, as the integration tests run it. */
public class SimulatorControlIT {
    private final Path jar = Path.of(System.getProperty("onewindow.simulator", "target/onewindow-department-simulator.jar"));

    @Test
    public void startsConfiguresTakesADeliveryAndStops() throws Exception {
        int port = freePort();
        int adminPort = freePort();
        Path logs = Files.createDirectories(jar.toAbsolutePath().resolveSibling("simulator-it"));
        try (SimulatorControl sim = SimulatorControl.start(jar, logs, port, adminPort, "s3cret", "GA", "--auto-decide", "false")) {
            assertTrue(sim.healthy());
            assertFalse(sim.config().path("autoDecide").asBoolean());
            JsonNode config = sim.configure(Map.of("latencyMs", 10, "decision", "DENIED"));
            assertEquals(10, config.path("latencyMs").asInt());
            assertEquals("DENIED", config.path("decision").asText());

            byte[] body = "{\"caseNo\":\"441302-20250102-0100\",\"deliveryKey\":\"k-100\",\"callbackUrl\":\"http://localhost:1/cb\"}"
                    .getBytes(StandardCharsets.UTF_8);
            long now = Instant.now().getEpochSecond();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.url() + "/cases"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "k-100")
                    .header("X-OneWindow-Timestamp", String.valueOf(now))
                    .header("X-OneWindow-Signature", Signatures.sign("s3cret", now, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(r.body(), 202, r.statusCode());
            JsonNode held = sim.heldCase("441302-20250102-0100");
            assertEquals("GA-1", held.path("reference").asText());
            assertEquals(1, sim.counters().path("cases").asInt());
            assertFalse(sim.counters().has("casesByNo"));
            assertEquals(0, sim.reset().path("cases").asInt());
            assertEquals(10, sim.config().path("latencyMs").asInt());

            sim.stop();
            assertFalse(sim.process().isAlive());
            assertTrue(sim.log().toString(), Files.readString(sim.log()).contains("STOPPED"));
        }
    }

    @Test
    public void aSimulatorThatCannotStartFailsWithItsLog() throws Exception {
        int adminPort = freePort();
        try (ServerSocket busy = new ServerSocket(0)) {
            SimulatorControl.start(jar, busy.getLocalPort(), adminPort, "s3cret", "GA").stop();
            fail("the main port is taken");
        } catch (IOException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("did not start"));
            assertTrue(expected.getMessage(), expected.getMessage().contains("cannot listen"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
