package org.onewindow.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** The payment gateway for the tests: the gateway simulator as a process of its own, steered through its admin port. */
final class PaymentGatewaySystem implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Simulators.Started started;
    private final String admin;

    private PaymentGatewaySystem(Simulators.Started started, int adminPort) {
        this.started = started;
        this.admin = "http://localhost:" + adminPort + "/admin/";
    }

    static PaymentGatewaySystem start(int port, String merchant, String secret) throws Exception {
        return new PaymentGatewaySystem(Simulators.start(List.of("-cp", "org.onewindow.simulator.PaymentGatewaySimulator"),
                List.of("--port", String.valueOf(port), "--admin-port", String.valueOf(port + 1), "--merchant", merchant, "--secret", secret),
                port + 1, "payment-gateway-" + port), port + 1);
    }

    /** {@code duplicates}, {@code amountDelta}, {@code dropNotifications}. */
    void scenario(String json) throws Exception {
        post("scenario", json);
    }

    /** Sends a notification of a paid order now; {@code {"orderNo", "amount"?, "forged"?}}. */
    void notifyNow(String json) throws Exception {
        post("notify", json);
    }

    String log() throws Exception {
        return Files.readString(started.log);
    }

    private void post(String path, String json) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(admin + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new AssertionError("gateway admin answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        started.process.destroy();
        started.process.waitFor();
    }
}
