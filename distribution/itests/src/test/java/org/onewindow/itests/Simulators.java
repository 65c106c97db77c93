package org.onewindow.itests;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The simulators of distribution/simulator (a department's system, a payment gateway) as processes of their own. */
final class Simulators {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Simulators() {
    }

    /** A started simulator and where it logs. */
    static final class Started {
        final Process process;
        final Path log;

        Started(Process process, Path log) {
            this.process = process;
            this.log = log;
        }
    }

    /**
     * Runs the simulator jar named by the system property {@code onewindow.simulator} ({@code how}: {@code -jar}, or
     * {@code -cp} and a main class) with {@code args}, and waits until its admin port answers {@code /admin/health}.
     */
    static Started start(List<String> how, List<String> args, int adminPort, String logName) throws Exception {
        String jar = System.getProperty("onewindow.simulator");
        // the log goes next to the jar, under distribution/simulator/target, where a failed run can be read
        Path log = Paths.get(jar).toAbsolutePath().resolveSibling(logName + ".log");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.add(how.get(0));
        command.add(jar);
        command.addAll(how.subList(1, how.size()));
        command.addAll(args);
        command.add("--exit-with-parent");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + adminPort + "/admin/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Started(p, log);
                }
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
            }
            Thread.sleep(200);
        }
        p.destroy();
        throw new AssertionError("simulator did not start; " + (new File(jar).isFile() ? "" : jar + " missing; ") + "log: " + Files.readString(log));
    }
}
