package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An upgrade as district IT runs it ({@code bin/onewindow-upgrade}) from the previous release's data: the fixture
 * {@code previous-release/previous-release.tar.gz} holds the {@code data/} and changed {@code etc/} files of a hall that
 * ran 0.1.0-SNAPSHOT (made by {@code src/test/fixtures/make-previous-release-fixture.sh}; its README lists what is in it,
 * which is what this test expects). The previous release's program files are not kept (70 MB): the installation upgraded
 * is this build's tarball with the fixture's {@code data/} and {@code etc/} files in place, named as the previous release
 * (its onewindow-node folder) and without a list of shipped {@code etc/} files, as that release had none; so the script
 * takes what that release shipped from the list the new release carries, as it does in a real hall.
 */
public class UpgradeIT {
    private static final Path FIXTURE = Paths.get("src/test/resources/previous-release/previous-release.tar.gz").toAbsolutePath();
    private static final String DAY = "441302-20261206-";
    /** Each case of the fixture: its status and the statuses its history went through (repeats of one status folded). */
    private static final Map<String, List<String>> CASES = new TreeMap<>(Map.ofEntries(
            Map.entry(DAY + "0001", List.of("DRAFT")),
            Map.entry(DAY + "0002", List.of("DRAFT", "REJECTED")),
            Map.entry(DAY + "0003", List.of("DRAFT", "ACCEPTED")),
            Map.entry(DAY + "0004", List.of("DRAFT", "ACCEPTED", "IN_REVIEW")),
            Map.entry(DAY + "0005", List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "SUPPLEMENT_REQUESTED")),
            Map.entry(DAY + "0006", List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "SUPPLEMENT_REQUESTED", "IN_REVIEW")),
            Map.entry(DAY + "0007", List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "APPROVED")),
            Map.entry(DAY + "0008", List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "DENIED")),
            Map.entry(DAY + "0009", List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "APPROVED", "READY_FOR_PICKUP")),
            Map.entry(DAY + "0010", List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "APPROVED", "READY_FOR_PICKUP", "DELIVERED")),
            Map.entry(DAY + "0011", List.of("DRAFT", "ACCEPTED", "IN_REVIEW", "WITHDRAWN")),
            Map.entry(DAY + "0012", List.of("DRAFT"))));
    /** The journal the previous release wrote for those cases, licences and bookings; never shipped (no hub). */
    private static final long JOURNAL_LAST_SEQ = 49;

    private final List<UnpackedAppliance> started = new ArrayList<>();

    @After
    public void stopAll() {
        started.forEach(UnpackedAppliance::kill);
    }

    @Test
    public void thePreviousReleasesDataIsAllThereAfterTheUpgradeAndARollbackPutsTheOldInstallationBack() throws Exception {
        UnpackedAppliance a = previousRelease("upgrade", Ports.of(9291), Ports.of(9221));
        Path users = a.home.resolve("etc/users.properties");
        assertTrue("the previous release's unsalted SHA-512", stored(users, "clerk").matches("\\{CRYPT\\}[0-9A-F]{128}\\{CRYPT\\}"));

        long t0 = System.nanoTime();
        Script upgrade = script(a.home, Map.of(), "bin/onewindow-upgrade", distribution().toString());
        System.out.printf("upgrade from the previous release's data: %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
        assertEquals(upgrade.output, 0, upgrade.exit);
        assertTrue(upgrade.output, upgrade.output.contains("upgraded " + a.home + " from 0.1.0-SNAPSHOT to " + System.getProperty("onewindow.version")));
        assertTrue("logged to a file beside the installation", Files.readString(upgrade.log()).contains("carrying data/ over"));

        // modes: a .new file has the mode of the hall's file beside it; data/ carried over is the appliance's alone
        // (0600: the previous release left some 0644, the new release's start makes them 0600)
        Path copy = Paths.get(upgrade.output.replaceAll("(?s).*the rollback copy: (\\S+)\n.*", "$1"));
        assertEquals(Files.getPosixFilePermissions(copy.resolve("etc/org.onewindow.online.cfg")),
                Files.getPosixFilePermissions(a.home.resolve("etc/org.onewindow.online.cfg.new")));
        try (Stream<Path> files = Files.walk(a.home.resolve("data/onewindow"))) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    assertEquals(f.toString(), "rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }

        // the release, and health from the migrated database
        JsonNode health = a.http.get("/health/details", "admin:admin-demo").json();
        assertEquals(System.getProperty("onewindow.version"), health.path("version").asText());
        assertHealthy(health);

        // the demo users log in with the passwords the previous release stored, and are rehashed (bcrypt)
        assertEquals(200, a.http.get("/cases?size=1", "clerk").status);
        assertTrue("rehashed at the first login", awaitBcrypt(users, "clerk"));
        a.http.awaitReady(Http.BOOT);

        // every case, in its status, with its history
        Map<String, Integer> byStatus = new TreeMap<>();
        for (JsonNode c : a.http.get("/cases?size=500", "clerk").json().path("items")) {
            byStatus.merge(c.path("status").asText(), 1, Integer::sum);
        }
        assertEquals(Map.of("ACCEPTED", 1, "APPROVED", 1, "DELIVERED", 1, "DENIED", 1, "DRAFT", 2, "IN_REVIEW", 2, "READY_FOR_PICKUP", 1,
                "REJECTED", 1, "SUPPLEMENT_REQUESTED", 1, "WITHDRAWN", 1), byStatus);
        CASES.forEach((caseNo, path) -> {
            JsonNode c = a.http.get("/cases/" + caseNo, "clerk").json();
            assertEquals(caseNo, path.get(path.size() - 1), c.path("status").asText());
            assertEquals(caseNo + " " + c.path("history"), path, folded(c.path("history")));
        });
        assertTrue("the extension", a.http.get("/cases/" + DAY + "0004", "clerk").json().path("history").toString().contains("延期 5 个工作日"));
        assertEquals(5, a.http.get("/cases/" + DAY + "0004", "clerk").json().path("timeLimit").path("extendedDays").asInt());
        assertEquals("the reviewer's queue", 2, a.http.get("/review/queue?size=200", "reviewer").json().path("items").size());
        JsonNode scans = a.http.get("/cases/" + DAY + "0001/materials", "clerk").json();
        assertEquals(scans.toString(), 1, scans.size());
        assertEquals(67, a.http.getBytes("/cases/" + DAY + "0001/materials/" + scans.get(0).path("id").asText(), "clerk").length);

        // licences issued by approvals and imported
        String purpose = "purpose=" + java.net.URLEncoder.encode("升级核验", StandardCharsets.UTF_8);
        assertEquals("VALID", a.http.get("/licences/REAL_ESTATE_CERT/" + DAY + "0007?" + purpose, "clerk").json().path("status").asText());
        assertEquals(DAY + "0009", a.http.get("/licences/DISABILITY_CERT/CL2026-0000001?" + purpose, "clerk").json().path("caseNo").asText());
        assertEquals("VALID", a.http.get("/licences/FOOD_BUSINESS_LICENCE/JY14413020012345?" + purpose, "clerk").json().path("status").asText());
        JsonNode zhang = a.http.get("/licences?holder=" + Cases.ZHANG_SAN + "&" + purpose, "clerk").json();
        assertEquals(zhang.toString(), List.of("DISABILITY_CERT", "RESIDENT_ID_CARD", "SOCIAL_SECURITY_CARD"),
                stream(zhang.path("licences")).map(l -> l.path("type").asText()).sorted().collect(Collectors.toList()));

        // the journal and its backlog (this node never federated)
        JsonNode link = a.http.get("/replication", "admin").json();
        // the previous release's 49 records, and what 1.0.0 wrote since its start (supervision's run at the start
        // gives the instant case accepted on 2026-12-06 and never finished its card): none shipped, all waiting
        assertTrue(link.toString(), link.path("journalLastSeq").asLong() >= JOURNAL_LAST_SEQ);
        assertEquals(link.toString(), 0, link.path("acked").asLong());
        assertEquals(link.toString(), link.path("journalLastSeq").asLong(), link.path("backlog").asLong());

        // the online booking and the online application
        JsonNode day = a.http.get("/online/appointments?day=2026-12-18", "clerk").json();
        assertTrue(day.toString(), day.toString().contains("YYZ6M5XGHH") && day.toString().contains("BOOKED"));
        assertTrue(a.http.get("/online/pre-review", "clerk").body.contains(DAY + "0012"));
        assertEquals("SUBMITTED", a.http.get("/online/pre-review/" + DAY + "0012", "clerk").json().path("state").asText());

        // the kiosk finds the delivered case for its applicant
        Http.Answer kiosk = a.http.get("/public/cases/" + DAY + "0010/status?idSuffix=150015", null);
        assertEquals(kiosk.toString(), "DELIVERED", kiosk.json().path("status").asText());

        // the hall's etc/ changes: kept; where the release changed the file too, the release's beside it as .new
        assertTrue(Files.readString(a.home.resolve("etc/org.onewindow.node.cfg")).contains("demo = true"));
        assertTrue(Files.readString(a.home.resolve("etc/org.onewindow.online.cfg")).contains("slotCapacity = 10"));
        assertTrue(Files.readString(a.home.resolve("etc/org.onewindow.online.cfg.new")).contains("slotCapacity = 12"));
        assertTrue(upgrade.output, upgrade.output.contains("CONFLICT etc/org.onewindow.online.cfg"));
        assertTrue("a file the new release adds", Files.exists(a.home.resolve("etc/org.onewindow.storage.cfg")));

        // new work goes on: the next case number is a new one
        String next = Cases.accepted(a.http, Cases.item(a.http, "RS", 3), Cases.LI_SI).path("caseNo").asText();
        assertFalse(next, CASES.containsKey(next));

        // --rollback puts the installation as it was before the upgrade back, and it answers again
        Script back = script(a.home, Map.of(), "bin/onewindow-upgrade", "--rollback");
        assertEquals(back.output, 0, back.exit);
        assertTrue(back.output, back.output.contains("rolled back"));
        assertTrue("the rolled-back installation is the previous release's",
                Files.isDirectory(a.home.resolve("system/org/onewindow/onewindow-node/0.1.0-SNAPSHOT")));
        assertFalse("nor its etc/ merged", Files.exists(a.home.resolve("etc/org.onewindow.online.cfg.new")));
        a.http.awaitReady(Http.BOOT);
        assertEquals("the case taken in after the upgrade is not in the copy", 404, a.http.get("/cases/" + next, "clerk").status);
        assertEquals(200, a.http.get("/cases/" + DAY + "0010", "clerk").status);
        stop(a);
    }

    @Test
    public void anUpgradeWhoseReleaseDoesNotStartIsRolledBack() throws Exception {
        UnpackedAppliance b = UnpackedAppliance.unpack("upgrade-fail", Ports.of(9292), Ports.of(9222));
        started.add(b);
        untar(FIXTURE, b.home);
        b.start();
        String before = b.http.get("/cases/" + DAY + "0010", "clerk").body;

        // a release whose JVM cannot start (an option it does not know)
        Path broken = Paths.get("target", "upgrade-broken").toAbsolutePath();
        deleteTree(broken);
        Files.createDirectories(broken);
        untar(distribution(), broken);
        String top = "onewindow-" + System.getProperty("onewindow.version");
        Files.writeString(broken.resolve(top + "/bin/setenv"), "export EXTRA_JAVA_OPTS=-XX:+NoSuchOptionInThisRelease\n");
        Path tarball = broken.resolve("broken/" + top + ".tar.gz");
        Files.createDirectories(tarball.getParent());
        run(broken, "tar", "czf", tarball.toString(), top);

        Script upgrade = script(b.home, Map.of("ONEWINDOW_UPGRADE_WAIT", "180"), "bin/onewindow-upgrade", tarball.toString());
        assertEquals(upgrade.output, 1, upgrade.exit);
        assertTrue(upgrade.output, upgrade.output.contains("did not come UP: rolling back"));
        assertTrue(upgrade.output, upgrade.output.contains("rolled back: "));
        assertTrue("the failed installation is kept to look at", siblings(b.home).anyMatch(p -> p.getFileName().toString().contains(".failed-")));
        b.http.awaitReady(Http.BOOT);
        assertEquals("the same data, answering again", before, b.http.get("/cases/" + DAY + "0010", "clerk").body);
        assertHealthy(b.http.get("/health/details", "admin").json());
        stop(b);
    }

    /** This build's tarball unpacked with the fixture's data/ and etc/ files, as the previous release left a hall. */
    private UnpackedAppliance previousRelease(String name, int httpPort, int sshPort) throws Exception {
        UnpackedAppliance a = UnpackedAppliance.unpack(name, httpPort, sshPort);
        started.add(a);
        untar(FIXTURE, a.home);
        Path node = a.home.resolve("system/org/onewindow/onewindow-node");
        // named as the previous release (a copy, so that the rollback copy still starts: its features name this build's)
        run(node, "cp", "-a", System.getProperty("onewindow.version"), "0.1.0-SNAPSHOT");
        Files.delete(a.home.resolve("lib/onewindow/shipped-etc.sha256"));
        return a;
    }

    private static void assertHealthy(JsonNode health) {
        String status = health.path("status").asText();
        // a 1.0.0 appliance in December says DEGRADED until next year's official holidays are in etc/ (any node, upgraded or not)
        if ("DEGRADED".equals(status)) {
            stream(health.path("reasons")).forEach(r -> assertEquals(health.toString(), "CALENDAR_YEAR_MISSING", r.path("code").asText()));
        } else {
            assertEquals(health.toString(), "UP", status);
        }
    }

    private static List<String> folded(JsonNode history) {
        List<String> path = new ArrayList<>();
        for (JsonNode step : history) {
            String s = step.path("to").asText();
            if (path.isEmpty() || !path.get(path.size() - 1).equals(s)) {
                path.add(s);
            }
        }
        return path;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.stream();
    }

    private static String stored(Path users, String name) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(users)) {
            p.load(in);
        }
        return p.getProperty(name, "").split(",")[0];
    }

    private static boolean awaitBcrypt(Path users, String name) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            String inner = stored(users, name).replace("{CRYPT}", "");
            String decoded;
            try {
                decoded = new String(java.util.Base64.getDecoder().decode(inner), StandardCharsets.US_ASCII);
            } catch (IllegalArgumentException notBase64) {
                decoded = inner;
            }
            if (decoded.startsWith("$2a$")) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static Path distribution() {
        return new File(System.getProperty("onewindow.distribution")).getAbsoluteFile().toPath();
    }

    private static void stop(UnpackedAppliance a) throws Exception {
        run(a.home, a.home.resolve("bin/stop").toString());
        a.kill();
    }

    private static Stream<Path> siblings(Path home) throws IOException {
        try (Stream<Path> s = Files.list(home.getParent())) {
            return s.collect(Collectors.toList()).stream();
        }
    }

    /** What the script printed, its exit code, and the log file it names. */
    private record Script(int exit, String output) {
        Path log() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("log: (\\S+\\.log)").matcher(output);
            assertTrue(output, m.find());
            return Paths.get(m.group(1));
        }
    }

    private static Script script(Path home, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        pb.command().set(0, home.resolve(command[0]).toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the script ends", p.waitFor(20, TimeUnit.MINUTES));
        System.out.println(out);
        return new Script(p.exitValue(), out);
    }

    private static void untar(Path tarball, Path into) throws Exception {
        run(into, "tar", "xzf", tarball.toString());
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(String.join(" ", command), 0, p.waitFor());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
