package org.onewindow.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A department's own approval system for the tests: the simulator of distribution/simulator run as a
 * process of its own (a real HTTP server), steered through its admin port.
 */
final class DepartmentSystem implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final String admin;
    private final Path log;

    private DepartmentSystem(Process process, int adminPort, Path log) {
        this.process = process;
        this.admin = "http://localhost:" + adminPort + "/admin/";
        this.log = log;
    }

    /** Starts the simulator jar named by the system property {@code onewindow.simulator} and waits until it answers. */
    static DepartmentSystem start(int port, int adminPort, String secret, String department) throws Exception {
        Simulators.Started s = Simulators.start(List.of("-jar"), List.of("--port", String.valueOf(port), "--admin-port",
                String.valueOf(adminPort), "--secret", secret, "--department", department), adminPort, "simulator-" + department + "-" + port);
        return new DepartmentSystem(s.process, adminPort, s.log);
    }

    /**
     * The same over HTTPS with the key and certificate of {@code keystore} (PKCS#12, {@link TlsFiles#PASSWORD}); with
     * {@code clientCertificate}, it demands that client certificate (mutual TLS) and no other.
     */
    static DepartmentSystem startHttps(int port, int adminPort, String secret, String department, Path keystore, Path clientCertificate)
            throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--port", String.valueOf(port), "--admin-port", String.valueOf(adminPort), "--secret",
                secret, "--department", department, "--tls-keystore", keystore.toString(), "--tls-password", TlsFiles.PASSWORD));
        if (clientCertificate != null) {
            args.addAll(List.of("--tls-client-cert", clientCertificate.toString()));
        }
        Simulators.Started s = Simulators.start(List.of("-jar"), args, adminPort, "simulator-" + department + "-" + port);
        return new DepartmentSystem(s.process, adminPort, s.log);
    }

    /** Changes switches: latencyMs, errorRate, down, duplicateCallbacks, decision, decisionDelayMs, autoDecide. */
    JsonNode configure(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(admin + "config")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode stats() throws Exception {
        return send(HttpRequest.newBuilder(URI.create(admin + "stats")).GET());
    }

    private static JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new AssertionError("simulator admin answered " + r.statusCode() + ": " + r.body());
        }
        return Http.JSON.readTree(r.body());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public String toString() {
        return "department simulator (log " + log + ")";
    }
}
