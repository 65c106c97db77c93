package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built tar.gz unpacked under {@code target/<name>} and run as a hall runs it ({@code bin/karaf}),
 * in demo mode, on ports of its own; for the tests that need a real process rather than Pax Exam.
 */
final class UnpackedAppliance {
    final Path home;
    final Http http;
    /** The HTTPS port: the HTTP port + 20000, so that appliances side by side never share one. */
    final int securePort;
    private Process karaf;

    private int sshPort;

    private UnpackedAppliance(Path home, int port) {
        this.home = home;
        this.http = new Http(port);
        this.securePort = port + 20000;
    }

    static UnpackedAppliance unpack(String name, int httpPort, int sshPort) throws IOException, InterruptedException {
        Path target = Paths.get("target", name).toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        run(target, "tar", "xzf", new File(System.getProperty("onewindow.distribution")).getAbsolutePath());
        UnpackedAppliance a = new UnpackedAppliance(target.resolve("onewindow-" + System.getProperty("onewindow.version")), httpPort);
        a.kill();
        a.replace("etc/org.onewindow.node.cfg", "demo = false", "demo = true");
        a.replace("etc/org.ops4j.pax.web.cfg", "port = 8181", "port = " + httpPort);
        a.replace("etc/org.ops4j.pax.web.cfg", "port.secure = 8443", "port.secure = " + a.securePort);
        Files.writeString(a.home.resolve("etc/org.apache.karaf.shell.cfg"), "\nsshPort = " + sshPort + "\n", StandardOpenOption.APPEND);
        // every request of a test comes from 127.0.0.1 (see OneWindowTestSupport): no slowing down of that client, and no lock
        // of a demo user for it while the readiness polling asks for users the first start is still writing (on a busy
        // machine, five refusals of 'auditor' locked it for 15 minutes); the lock-outs are SessionIT's and AccessIT's
        Files.writeString(a.home.resolve("etc/org.onewindow.access.cfg"), "\nclientFreeFailures = 1000\nmaxFailedLogins = 1000\n",
                StandardOpenOption.APPEND);
        a.sshPort = sshPort;
        return a;
    }

    void start() throws IOException, InterruptedException {
        launch();
        http.awaitReady(Http.BOOT);
    }

    /** Starts the process without waiting for it, so that several appliances boot side by side. */
    void launch() throws IOException {
        launch(List.of(home.resolve("bin/karaf").toString(), "server"));
    }

    /**
     * Starts the appliance in a mount namespace of its own (Linux, {@code unshare}), after {@code mounts} ran there in the
     * appliance's folder: a filesystem of the test's own under {@code data/onewindow} (a small one to fill, a read-only
     * one), seen by this appliance alone and gone with it. As root, or else in a user namespace of its own.
     * {@link #inside} reaches its files from outside.
     */
    void launchWithMounts(String mounts) throws IOException {
        launch(List.of("unshare", ROOT ? "-m" : "-rm", "--propagation", "private", "sh", "-c",
                "set -e; " + mounts + "; exec bin/karaf server"));
    }

    /** Whether {@link #launchWithMounts} can work here: unshare may mount (root, or user namespaces allowed). */
    static boolean mountsPossible() {
        try {
            Process p = new ProcessBuilder("unshare", ROOT ? "-m" : "-rm", "--propagation", "private", "sh", "-c",
                    "mkdir -p /tmp/ow-mount-probe && mount -t tmpfs -o size=1m tmpfs /tmp/ow-mount-probe").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** A path of the appliance as the appliance sees it, through its mount namespace ({@code /proc/<pid>/root}). */
    Path inside(String relative) {
        return Paths.get("/proc", Long.toString(karaf.pid()), "root").resolve(home.resolve(relative).toString().substring(1));
    }

    /** The appliance's JVM, the {@code bin/karaf} script's child. */
    ProcessHandle jvm() {
        String marker = "karaf.home=" + home;
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no JVM of " + home));
    }

    private void launch(List<String> command) throws IOException {
        karaf = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
    }

    void stopGracefully() throws IOException, InterruptedException {
        run(home, home.resolve("bin/stop").toString());
        assertTrue("karaf stops", karaf.waitFor(60, TimeUnit.SECONDS));
    }

    /** Ends any JVM of this appliance, also one left over by an earlier, aborted run. */
    void kill() {
        String marker = "karaf.home=" + home;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    /** Runs a shell command as district IT does ({@code bin/client}, as the demo shell operator) and returns what it printed. */
    String client(String command) throws IOException, InterruptedException {
        return client(command, false);
    }

    /** The same from a shell without {@code JAVA_HOME}, as district IT's often is, if {@code withoutJavaHome}. */
    String client(String command, boolean withoutJavaHome) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort), "-u", "operator", "-p", "operator-demo",
                command).directory(home.toFile()).redirectErrorStream(true);
        if (withoutJavaHome) {
            builder.environment().remove("JAVA_HOME");
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bin/client ends", p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    /** The API over HTTPS, from a client that trusts exactly the appliance's own certificate (read from its keystore). */
    Http https() throws Exception {
        return new Http("https://localhost:" + securePort + "/api/v1", TlsFiles.trusting(certificate()));
    }

    /** The certificate the appliance serves, as its keystore holds it. */
    java.security.cert.X509Certificate certificate() throws Exception {
        return TlsFiles.certificate(home.resolve("etc/onewindow/tls/appliance.p12"), Files.readString(home.resolve("etc/onewindow/tls/appliance.password")).strip(),
                "appliance");
    }

    void replace(String file, String from, String to) throws IOException {
        Path path = home.resolve(file);
        String text = Files.readString(path, StandardCharsets.ISO_8859_1);
        assertTrue(path + " has " + from, text.contains(from));
        Files.writeString(path, text.replace(from, to), StandardCharsets.ISO_8859_1);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(String.join(" ", command), 0, p.waitFor());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
