package org.onewindow.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 18's online backup: a backup taken while a clerk's window takes cases in (with scans) through REST, restored by
 * {@code bin/onewindow-restore} into a freshly unpacked appliance, which then holds every case acknowledged before the
 * backup began, with its scans byte for byte; a backup with a damaged file is refused and changes nothing; a running
 * appliance is refused. Real Karaf processes ({@link UnpackedAppliance}).
 */
public class BackupIT {
    private static UnpackedAppliance hall;
    private static UnpackedAppliance fresh;

    /** A case and its scan, both acknowledged (201), and when. */
    private record Taken(String caseNo, byte[] scan, long acknowledgedAt) {
    }

    @BeforeClass
    public static void start() throws Exception {
        hall = UnpackedAppliance.unpack("backup-hall", Ports.of(9791), Ports.of(9711));
        fresh = UnpackedAppliance.unpack("backup-fresh", Ports.of(9792), Ports.of(9712));
        hall.start();
        hall.http.awaitWindow(Duration.ofSeconds(300));
    }

    @AfterClass
    public static void stop() {
        for (UnpackedAppliance node : new UnpackedAppliance[] {hall, fresh}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    public void aBackupTakenUnderIntakeLoadIsRestoredIntoAFreshApplianceWithEveryAcknowledgedCaseAndScan() throws Exception {
        List<Taken> taken = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean going = new AtomicBoolean(true);
        Thread window = new Thread(() -> {
            for (int i = 0; going.get(); i++) {
                Http.Answer opened = hall.http.postJson("/cases", "clerk", Cases.open("RS-SB-003", Federation.applicant(), "M01"));
                if (opened.status != 201) {
                    failures.add(opened.toString());
                    continue;
                }
                String no = opened.json().path("caseNo").asText();
                byte[] scan = Cases.pdf("backup under load, case " + no + ", page " + i, 200_000);
                Http.Answer uploaded = hall.http.upload("/cases/" + no + "/materials", "clerk", new String[] {"page.pdf"}, new byte[][] {scan});
                if (uploaded.status != 201) {
                    failures.add(uploaded.toString());
                    continue;
                }
                taken.add(new Taken(no, scan, System.nanoTime()));
            }
        }, "window");
        window.start();
        awaitCount(taken, 10);

        long backupBegan = System.nanoTime();
        Http.Answer made = hall.http.post("/backups", "admin", "application/json", new byte[0]);
        int during = taken.size();
        awaitCount(taken, during + 3);
        going.set(false);
        window.join(60_000);
        assertEquals(made.toString(), 201, made.status);
        assertEquals("the window went on during the backup: " + failures, List.of(), failures);
        JsonNode backup = made.json();
        Path folder = Path.of(backup.path("folder").asText());
        List<Taken> before = taken.stream().filter(t -> t.acknowledgedAt() < backupBegan).toList();
        assertTrue("cases acknowledged before the backup: " + before.size(), before.size() >= 10);
        assertTrue("cases were taken in while it ran or after: " + taken.size(), taken.size() > before.size());
        assertTrue(backup.toString(), backup.path("scans").asLong() >= before.size());
        assertEquals("VERIFIED", backup.path("verification").asText());

        // a second backup, by the shell command, copies only the scans that are new since
        String second = hall.client("onewindow:backup");
        assertTrue(second, second.contains("Backup ") && second.contains(" made in "));
        JsonNode listed = hall.http.get("/backups", "admin").json();
        assertEquals(listed.toString(), 2, listed.path("backups").size());
        java.util.regex.Matcher copied = java.util.regex.Pattern.compile("([\\d,]+) scans \\(([\\d,]+) new").matcher(second);
        assertTrue(second, copied.find());
        long all = Long.parseLong(copied.group(1).replace(",", ""));
        long copiedNow = Long.parseLong(copied.group(2).replace(",", ""));
        assertTrue("the second backup copied only the scans since the first: " + second, copiedNow <= all - backup.path("scans").asLong());
        assertEquals(backup.path("name").asText(), listed.path("backups").get(1).path("name").asText());
        assertTrue(listed.toString(), listed.path("lastSucceeded").asBoolean());
        assertEquals(403, hall.http.post("/backups", "clerk", "application/json", new byte[0]).status);
        String status = hall.client("onewindow:status");
        assertTrue(status, status.contains("last good backup") && status.contains("succeeded"));
        JsonNode details = hall.http.get("/health/details", "admin").json();
        assertTrue(details.toString(), details.toString().contains("\"name\":\"backup\",\"ready\":true"));

        // the appliance is running: the restore refuses, whatever the backup
        Restored refused = restore(hall, folder);
        assertEquals(refused.output, 3, refused.exit);
        assertTrue(refused.output, refused.output.contains("running"));
        hall.stopGracefully();

        // a backup with one damaged scan: refused before anything is touched. The scan is one the first backup names:
        // the shared store also holds the second backup's new scans, which restoring the first rightly does not read.
        Path damaged = copyOfBackups(folder, "backup-damaged");
        JsonNode manifest = Http.JSON.readTree(folder.resolve("manifest.json").toFile());
        Path object = damaged.resolve(manifest.path("objects").get(0).path("path").asText());
        byte[] bytes = Files.readAllBytes(object);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(object, bytes);
        Map<String, Long> untouched = tree(fresh.home);
        Restored refusedDamaged = restore(fresh, damaged.resolve(folder.getFileName().toString()));
        assertEquals(refusedDamaged.output, 4, refusedDamaged.exit);
        assertTrue(refusedDamaged.output, refusedDamaged.output.contains("checksum differs: objects/"));
        assertEquals("nothing changed", untouched, tree(fresh.home));

        // the good one into the fresh appliance, which then is the hall (its etc/ too: the hall's ports)
        Restored restored = restore(fresh, folder);
        assertEquals(restored.output, 0, restored.exit);
        assertTrue(restored.output, restored.output.contains("Every checksum matches"));
        assertTrue(Files.exists(fresh.home.resolve("data/onewindow/RESTORED")));
        fresh.launch();
        hall.http.awaitWindow(Duration.ofSeconds(300));
        for (Taken t : before) {
            Http.Answer c = hall.http.get("/cases/" + t.caseNo(), "supervisor");
            assertEquals(t.caseNo() + ": " + c, 200, c.status);
            JsonNode files = hall.http.get("/cases/" + t.caseNo() + "/materials", "clerk").json();
            assertEquals(t.caseNo() + " " + files, 1, files.size());
            assertArrayEquals(t.caseNo(), t.scan(), hall.http.getBytes("/cases/" + t.caseNo() + "/materials/" + files.get(0).path("id").asText(), "reviewer"));
        }
        assertEquals("the restored hall takes cases in", 201,
                hall.http.postJson("/cases", "clerk", Cases.open("RS-SB-003", Federation.applicant(), "M01")).status);
    }

    private static void awaitCount(List<Taken> taken, int count) throws InterruptedException {
        for (long end = System.nanoTime() + Duration.ofSeconds(120).toNanos(); taken.size() < count;) {
            assertTrue("the window took " + taken.size() + " cases, not " + count, System.nanoTime() < end);
            Thread.sleep(100);
        }
    }

    private record Restored(int exit, String output) {
    }

    private static Restored restore(UnpackedAppliance into, Path backup) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(into.home.resolve("bin/onewindow-restore").toString(), backup.toString()).directory(into.home.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bin/onewindow-restore ends", p.waitFor(300, TimeUnit.SECONDS));
        return new Restored(p.exitValue(), out);
    }

    /** A copy of the backup directory holding {@code backup} (its folder and the objects), elsewhere. */
    private static Path copyOfBackups(Path backup, String name) throws IOException {
        Path from = backup.getParent();
        Path to = Path.of("target", name).toAbsolutePath();
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Every path under {@code root} with its size (folders -1). */
    private static Map<String, Long> tree(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? -1 : Files.size(p));
            }
        }
        return out;
    }
}
