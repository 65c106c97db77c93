package org.onewindow.simulator;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the simulator jar as a child process ({@code java -jar}, with this JVM's {@code java}) and
 * steers it through its admin port. For tests and benchmarks, also inside an OSGi container: no static
 * state, no {@code System.exit}; only the JDK and Jackson.
 *
 * <pre>
 * try (SimulatorControl ga = SimulatorControl.start(jar, 9500, 9501, "s3cret", "GA")) {
 *     ga.configure(Map.of("decision", "DENIED"));
 *     JsonNode stats = ga.stats();
 * }
 * </pre>
 */
public final class SimulatorControl implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final int adminPort;
    private final String admin;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private SimulatorControl(Process process, int port, int adminPort, Path log) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        this.admin = "http://localhost:" + adminPort + "/admin/";
        this.log = log;
    }

    /**
     * Starts the simulator, its output going to {@code simulator-<department>-<port>.log} next to the
     * jar, and waits (30 s at most) until its admin port answers.
     *
     * @param extraArgs more command-line flags: switches such as {@code "--latency-ms", "50"}
     * @throws IOException when it does not start; the message has the tail of its log
     */
    public static SimulatorControl start(Path jar, int port, int adminPort, String secret, String department,
            String... extraArgs) throws IOException {
        return start(jar, null, port, adminPort, secret, department, extraArgs);
    }

    /**
     * As {@link #start(Path, int, int, String, String, String...)}, the output going to {@code log}: a
     * file, or a directory to hold {@code simulator-<department>-<port>.log}; null for next to the jar.
     */
    public static SimulatorControl start(Path jar, Path log, int port, int adminPort, String secret, String department,
            String... extraArgs) throws IOException {
        Path jarFile = jar.toAbsolutePath();
        if (!Files.isRegularFile(jarFile)) {
            throw new IOException("no simulator jar at " + jarFile + " (build distribution/simulator first)");
        }
        String logName = "simulator-" + department + "-" + port + ".log";
        Path logFile = log == null ? jarFile.resolveSibling(logName)
                : Files.isDirectory(log) ? log.resolve(logName) : log;
        logFile = logFile.toAbsolutePath();
        if (logFile.getParent() != null) {
            Files.createDirectories(logFile.getParent());
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        String java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jarFile.toString(),
                "--port", String.valueOf(port), "--admin-port", String.valueOf(adminPort),
                "--secret", secret, "--department", department));
        command.addAll(Arrays.asList(extraArgs));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile())).start();
        SimulatorControl control = new SimulatorControl(p, port, adminPort, logFile);
        control.awaitHealth();
        return control;
    }

    private void awaitHealth() throws IOException {
        long end = System.nanoTime() + STARTUP.toNanos();
        String last = "no answer";
        try {
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    last = "it exited with status " + process.exitValue();
                    break;
                }
                try {
                    HttpResponse<String> r = client.send(request("health").timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (r.statusCode() == 200) {
                        // the admin port may be held by another simulator left running: ours answers with its pid
                        JsonNode health = mapper.readTree(r.body());
                        if (health.path("pid").asLong() == process.pid()) {
                            return;
                        }
                        last = "the admin port " + adminPort + " is answered by another process (pid " + health.path("pid") + ")";
                    } else {
                        last = "health answered " + r.statusCode();
                    }
                } catch (IOException notYet) {
                    last = notYet.toString();
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new InterruptedIOException("interrupted while waiting for the department simulator");
        }
        stop();
        throw new IOException("department simulator did not start on ports " + port + "/" + adminPort + " (" + last
                + "); log " + log + ":\n" + logTail(TAIL_LINES));
    }

    /** Changes switches; answers the whole configuration. */
    public JsonNode configure(Map<String, ?> switches) throws IOException {
        return call(request("config").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(switches))));
    }

    /** The current switches. */
    public JsonNode config() throws IOException {
        return call(request("config").GET());
    }

    /** The counters and {@code casesByNo}. */
    public JsonNode stats() throws IOException {
        return call(request("stats").GET());
    }

    /** The counters without {@code casesByNo} (cheap with many cases). */
    public JsonNode counters() throws IOException {
        return call(request("stats?cases=false").GET());
    }

    /** The case as the department holds it ({@code reference, deliveries, decision, callbackStatus, ...}), or a missing node. */
    public JsonNode heldCase(String caseNo) throws IOException {
        return stats().path("casesByNo").path(caseNo);
    }

    /** Decides a held case now (for {@code autoDecide=false}); {@code decision} null for the configured one. */
    public JsonNode decide(String caseNo, String decision) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", caseNo);
        if (decision != null) {
            body.put("decision", decision);
        }
        return call(request("decide").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body))));
    }

    /** Forgets cases and counters, keeps the switches. */
    public JsonNode reset() throws IOException {
        return call(request("reset").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Whether the process runs and its admin port answers. */
    public boolean healthy() {
        if (!process.isAlive()) {
            return false;
        }
        try {
            return client.send(request("health").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The department system's base URL: deliveries go to {@code url() + "/cases"}. */
    public String url() {
        return "http://localhost:" + port;
    }

    public String adminUrl() {
        return "http://localhost:" + adminPort + "/admin";
    }

    public int port() {
        return port;
    }

    public int adminPort() {
        return adminPort;
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    /** The last {@code lines} lines of the simulator's output. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Ends the process (SIGTERM, then by force after 10 s) and waits for it. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "department simulator on " + url() + " (admin " + adminUrl() + ", log " + log + ")";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(admin + path)).timeout(Duration.ofSeconds(10));
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException {
        HttpResponse<String> r;
        try {
            r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling the department simulator");
        }
        if (r.statusCode() != 200) {
            throw new IOException("department simulator admin answered " + r.statusCode() + ": " + r.body());
        }
        return mapper.readTree(r.body());
    }
}
