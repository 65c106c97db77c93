package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A real stop and start of the unpacked appliance (bin/karaf), as in a hall at night: the hall's
 * catalog files are imported at first start, everything written before the restart is there after
 * it, and nothing is imported twice.
 */
public class RestartIT {
    private static final int PORT = 9281;
    private static Path home;
    private static Process karaf;
    private final Http http = new Http(PORT);

    @BeforeClass
    public static void unpack() throws Exception {
        Path target = Paths.get("target", "restart").toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        run(target, "tar", "xzf", new File(System.getProperty("onewindow.distribution")).getAbsolutePath());
        home = target.resolve("onewindow-" + System.getProperty("onewindow.version"));
        killAppliance();
        replace(home.resolve("etc/org.onewindow.node.cfg"), "demo = false", "demo = true");
        replace(home.resolve("etc/org.ops4j.pax.web.cfg"), "port = 8181", "port = " + PORT);
        Files.writeString(home.resolve("etc/org.apache.karaf.shell.cfg"), "\nsshPort = 9201\n", java.nio.file.StandardOpenOption.APPEND);
        // the hall's own catalog files: the good one is imported at first start, the bad one refused
        Files.writeString(home.resolve("etc/onewindow/catalog/10-hall.json"),
                CatalogFiles.array(CatalogFiles.item("IT-ETC-1", "本区事项", 1), CatalogFiles.item("IT-ETC-2", "本区事项", 0)));
        Files.writeString(home.resolve("etc/onewindow/catalog/20-broken.json"),
                CatalogFiles.array(CatalogFiles.item("IT-ETC-3", "坏文件", -1)));
    }

    @AfterClass
    public static void stop() {
        killAppliance();
    }

    /** Ends any JVM of this appliance, also one left over by an earlier, aborted run. */
    private static void killAppliance() {
        String marker = "karaf.home=" + home;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    @Test
    public void dataSurvivesARestart() throws Exception {
        start();
        long items = http.get("/catalog/items?size=1", "clerk").json().path("total").asLong();
        assertEquals("the hall's file, neither the broken file nor the demo catalog", 2, items);
        assertEquals(200, http.get("/catalog/items/IT-ETC-1", "clerk").status);
        assertEquals(200, http.postJson("/catalog/items", "admin",
                CatalogFiles.array(CatalogFiles.item("IT-RESTART-1", "重启", 4))).status);
        assertEquals(200, http.postJson("/catalog/items", "admin",
                CatalogFiles.array(CatalogFiles.item("IT-RESTART-1", "重启", 2))).status);
        String before = http.get("/catalog/export", "admin").body;
        stopGracefully();

        start();
        assertEquals(before, http.get("/catalog/export", "admin").body);
        assertEquals(items + 1, http.get("/catalog/items?size=1", "clerk").json().path("total").asLong());
        assertEquals(4, http.get("/catalog/items/IT-RESTART-1?version=1", "clerk").json().path("timeLimitDays").asInt());
        assertTrue("the database lives under data/", Files.isDirectory(home.resolve("data/onewindow/derby")));
        stopGracefully();
    }

    private void start() throws Exception {
        karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
        http.awaitReady(Duration.ofSeconds(90));
    }

    private void stopGracefully() throws Exception {
        run(home, home.resolve("bin/stop").toString());
        assertTrue("karaf stops", karaf.waitFor(60, TimeUnit.SECONDS));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(String.join(" ", command), 0, p.waitFor());
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(file + " has " + from, text.contains(from));
        Files.writeString(file, text.replace(from, to), StandardCharsets.ISO_8859_1);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
