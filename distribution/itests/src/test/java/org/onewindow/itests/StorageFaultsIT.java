package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Storage faults as a hall meets them: a disk that fills up while the hall works (a write answers 507
 * {@code STORAGE_FULL} in words a clerk understands, the relay waits instead of hammering Derby, and everything comes
 * back once space is freed, nothing lost), and {@code kill -9} in the middle of uploads (no scanned file left that no
 * row names).
 */
public class StorageFaultsIT {
    private UnpackedAppliance appliance;

    @After
    public void stop() {
        if (appliance != null) {
            appliance.kill();
        }
    }

    private UnpackedAppliance unpack(String name) throws Exception {
        appliance = UnpackedAppliance.unpack(name, Ports.of(9272), Ports.of(9212));
        int next = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        Path calendar = appliance.home.resolve("etc/onewindow/calendar/" + next + ".json");
        if (!Files.exists(calendar)) {
            Files.writeString(calendar, "{\"year\": " + next + ", \"source\": \"StorageFaultsIT\", \"holidays\": [], \"workdays\": []}");
        }
        return appliance;
    }

    @Test
    public void aFullDiskAnswers507AndRecoversWithNothingLost() throws Exception {
        assumeTrue("mount namespaces (unshare) are not available here", UnpackedAppliance.mountsPossible());
        unpack("storage-full");
        // data/onewindow (database, scans) on a small filesystem of its own, which the test fills
        Files.createDirectories(appliance.home.resolve("data/onewindow"));
        appliance.launchWithMounts("mount -t tmpfs -o size=192m,mode=0700 tmpfs data/onewindow");
        Http http = appliance.http;
        http.awaitWindow(Http.BOOT);
        JsonNode item = Cases.item(http, "GA", 1);

        // cases accepted while the relay is out wait in its outbox: the relay meets the full disk with work to do
        appliance.client("feature:uninstall -r onewindow-relay");
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(Cases.accepted(http, item, Cases.ZHANG_SAN).path("caseNo").asText());
        }
        String scanned = http.postJson("/cases", "clerk", Cases.open(item.path("code").asText(), Cases.LI_SI)).json().path("caseNo").asText();
        assertEquals(201, http.upload("/cases/" + scanned + "/materials", "clerk", new String[] {"p1.png"},
                new byte[][] {Cases.png("before the disk was full")}).status);

        Path filler = appliance.inside("data/onewindow/filler.bin");
        fill(filler);
        Path derbyLog = derbyLog();
        long bootsBefore = boots(derbyLog);
        long logBefore = Files.size(derbyLog);
        appliance.client("feature:install -r onewindow-relay");

        // the window goes on trying: every write is refused in words a clerk understands, never a 500
        Http.Answer refused = null;
        for (int i = 0; i < 400 && (refused == null || refused.status != 507); i++) {
            refused = http.postJson("/cases", "clerk", Cases.open(item.path("code").asText(), Cases.LI_SI));
            assertNotEquals("never an internal error: " + refused, 500, refused.status);
        }
        assertEquals("a write on a full disk: " + refused, 507, refused.status);
        assertEquals("STORAGE_FULL", refused.code());
        assertTrue(refused.json().path("message").asText(), refused.json().path("message").asText().contains("存储空间已满"));
        // Derby gives back a little of what it held when it shuts the database down after a failed write: full again
        fill(appliance.inside("data/onewindow/filler-2.bin"));
        Http.Answer upload = http.upload("/cases/" + scanned + "/materials", "clerk", new String[] {"p2.png"},
                new byte[][] {Cases.png("while the disk is full")});
        assertEquals("an upload on a full disk: " + upload, 507, upload.status);
        assertEquals("STORAGE_FULL", upload.code());

        // 15 s of the hall's work waiting: the loops back off instead of rebooting Derby again and again (before they did,
        // the queue's loop alone booted it 71 times in 30 s)
        Thread.sleep(15_000);
        long boots = boots(derbyLog) - bootsBefore;
        long grown = Files.size(derbyLog) - logBefore;
        System.out.printf("StorageFaultsIT: with the disk full Derby booted %d times and derby.log grew %d bytes in 15 s%n", boots, grown);
        assertTrue("Derby booted " + boots + " times in 15 s with the disk full", boots <= 3);
        // a boot that meets the full disk logs its failure once, with Derby's stack traces (about 130 KB): no more than that
        assertTrue("derby.log grew " + grown + " bytes in 15 s with " + boots + " boots", grown < 150_000 * Math.max(1, boots));
        // the public health, which needs no login: a login writes its access event, which a database Derby booted
        // read-only on the full disk refuses (DATABASE_READ_ONLY), as it refuses every other write
        Http.Answer health = http.get("/health", null);
        assertEquals(health.toString(), "DEGRADED", health.json().path("status").asText());
        assertEquals(health.toString(), 503, health.status);

        // space freed: everything written before is there, and the hall goes on
        Files.delete(filler);
        Files.delete(appliance.inside("data/onewindow/filler-2.bin"));
        // (Derby may have booted the database read-only while the disk was full: the next write check boots it again)
        Http.Answer opened = null;
        for (int i = 0; i < 120 && (opened == null || opened.status != 201); i++) {
            opened = http.postJson("/cases", "clerk", Cases.open(item.path("code").asText(), Cases.LI_SI));
            if (opened.status != 201) {
                Thread.sleep(1000);
            }
        }
        assertEquals("writes work again once space is freed: " + opened, 201, opened.status);
        // the relay looks again within its longest wait during a storage fault (20 s, PollPacing)
        for (String caseNo : accepted) {
            JsonNode c = Cases.awaitStatus(http, caseNo, "IN_REVIEW", Duration.ofSeconds(45));
            assertEquals(caseNo, c.path("caseNo").asText());
        }
        assertEquals(1, http.get("/cases/" + scanned + "/materials", "clerk").json().size());
        assertEquals(201, http.upload("/cases/" + scanned + "/materials", "clerk", new String[] {"p2.png"},
                new byte[][] {Cases.png("after space was freed")}).status);
    }

    @Test
    public void killDuringUploadsLeavesNoScanWithoutItsRow() throws Exception {
        unpack("storage-kill");
        Files.writeString(appliance.home.resolve("etc/org.onewindow.scanning.cfg"), "\norphanMinutes = 0\n",
                java.nio.file.StandardOpenOption.APPEND);
        appliance.start();
        Http http = appliance.http;
        http.awaitWindow(Http.BOOT);
        JsonNode item = Cases.item(http, "GA", 1);
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cases.add(http.postJson("/cases", "clerk", Cases.open(item.path("code").asText(), Cases.ZHANG_SAN)).json().path("caseNo").asText());
        }
        // four clerks scanning at once, each page new bytes; the JVM killed in the middle
        AtomicBoolean go = new AtomicBoolean(true);
        AtomicInteger stored = new AtomicInteger();
        ExecutorService clerks = Executors.newFixedThreadPool(cases.size());
        for (String caseNo : cases) {
            clerks.execute(() -> {
                for (int page = 0; go.get(); page++) {
                    try {
                        if (http.upload("/cases/" + caseNo + "/materials", "clerk", new String[] {"p" + page + ".png"},
                                new byte[][] {Cases.png(caseNo + " page " + page + " " + System.nanoTime())}).status == 201) {
                            stored.incrementAndGet();
                        }
                    } catch (RuntimeException killed) {
                        return;
                    }
                }
            });
        }
        while (stored.get() < 20) {
            Thread.sleep(20);
        }
        appliance.jvm().destroyForcibly();
        go.set(false);
        clerks.shutdown();
        clerks.awaitTermination(60, TimeUnit.SECONDS);
        appliance.kill();

        // a file a crash left behind without its row, as a power cut between the file and the commit would
        Path scans = appliance.home.resolve("data/onewindow/scans");
        String orphan = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        Path planted = scans.resolve("01/23/" + orphan);
        Files.createDirectories(planted.getParent());
        Files.write(planted, "a page whose row never committed".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(planted, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        appliance.start();
        http.awaitWindow(Http.BOOT);
        Set<String> named = new HashSet<>();
        for (String caseNo : cases) {
            http.get("/cases/" + caseNo + "/materials", "clerk").json().forEach(s -> named.add(s.path("sha256").asText()));
        }
        assertTrue("uploads were stored before the kill: " + named.size(), named.size() >= 20);
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(scans)) {
            onDisk = files.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(scans.resolve("tmp")))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> orphans = new HashSet<>(onDisk);
        orphans.removeAll(named);
        assertEquals("every scanned file on disk is named by a row", Set.of(), orphans);
        Set<String> missing = new HashSet<>(named);
        missing.removeAll(onDisk);
        assertEquals("every row's file is there", Set.of(), missing);
        for (String caseNo : cases) {
            for (JsonNode scan : http.get("/cases/" + caseNo + "/materials", "clerk").json()) {
                assertEquals("the file of every row is whole", scan.path("size").asLong(),
                        Files.size(scans.resolve(scan.path("sha256").asText().substring(0, 2)).resolve(scan.path("sha256").asText().substring(2, 4))
                                .resolve(scan.path("sha256").asText())));
            }
        }
    }

    /** Writes until the filesystem refuses: it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    private Path derbyLog() throws IOException {
        try (Stream<Path> files = Files.walk(appliance.home, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("derby.log")).findFirst()
                    .orElseThrow(() -> new AssertionError("no derby.log under " + appliance.home));
        }
    }

    private static long boots(Path derbyLog) throws IOException {
        return Files.readAllLines(derbyLog, StandardCharsets.ISO_8859_1).stream().filter(l -> l.contains("Booting Derby")).count();
    }
}
