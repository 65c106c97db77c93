package org.onewindow.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * The real-name verification service for the tests: the simulator's {@code RealNameSimulator} as a process of its
 * own, which knows whose each mobile is from what the test registers through its admin port.
 */
final class RealNameSystem implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Simulators.Started started;
    private final String admin;

    private RealNameSystem(Simulators.Started started, int adminPort) {
        this.started = started;
        this.admin = "http://localhost:" + adminPort + "/admin/";
    }

    /** Where the tests keep the service's key pair: beside the simulator jar, made at its first start. */
    static Path keyFile() {
        return Paths.get(System.getProperty("onewindow.simulator")).toAbsolutePath().resolveSibling("realname-it").resolve("platform-key.pem");
    }

    /** The service's public key, which the appliance is configured with. */
    static Path publicKeyFile() {
        return keyFile().resolveSibling("platform-key.pem.pub");
    }

    /** Starts the service for the hall {@code appId} whose public key is (or will be) {@code hallKey}. */
    static RealNameSystem start(int port, String appId, Path hallKey) throws Exception {
        return start(port, appId, hallKey, List.of());
    }

    /** The same with more flags, such as {@code --tls-keystore} and {@code --tls-password} for HTTPS. */
    static RealNameSystem start(int port, String appId, Path hallKey, List<String> more) throws Exception {
        Files.createDirectories(keyFile().getParent());
        List<String> args = new java.util.ArrayList<>(List.of("--port", String.valueOf(port), "--admin-port", String.valueOf(port + 1),
                "--app-id", appId, "--key-file", keyFile().toString(), "--client-key-file", hallKey.toString()));
        args.addAll(more);
        return new RealNameSystem(Simulators.start(List.of("-cp", "org.onewindow.simulator.RealNameSimulator"), args, port + 1,
                "real-name-" + port), port + 1);
    }

    /** Registers {@code mobile} in the real name of {@code idNumber} and {@code name}, as an operator's records have it. */
    void person(String idNumber, String name, String mobile) throws Exception {
        post("persons", "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\",\"mobile\":\"" + mobile + "\"}");
    }

    /** {@code down}, {@code forge}, {@code stale}. */
    void scenario(String json) throws Exception {
        post("scenario", json);
    }

    String log() throws Exception {
        return Files.readString(started.log);
    }

    private void post(String path, String json) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(admin + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new AssertionError("real-name admin answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() throws InterruptedException {
        started.process.destroy();
        started.process.waitFor();
    }
}
