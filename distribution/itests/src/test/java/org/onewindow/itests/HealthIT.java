package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/health} as a monitor, a load balancer or a script waiting for the appliance reads it: 503
 * {@code STARTING} until every installed capability has migrated its tables and published its endpoints, then 200
 * {@code UP}; {@code DEGRADED} with the reason below the free-space threshold (still serving) and on a database that
 * cannot be written (503); the status alone for anyone, the details for staff.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HealthIT {
    /** An anonymous GET of one endpoint of each capability: 404 NOT_FOUND only while it is not published. */
    private static final List<String> ENDPOINTS = List.of("/session", "/users", "/account", "/access/events", "/audit", "/catalog/items",
            "/public/catalog/items", "/cases", "/review/queue", "/licences/access", "/supervision/cards", "/relay/outbox", "/replication",
            "/online/appointments", "/public/online/appointments/days");
    private static UnpackedAppliance appliance;

    @BeforeClass
    public static void unpack() throws Exception {
        appliance = UnpackedAppliance.unpack("health", Ports.of(9271), Ports.of(9211));
        // the calendar of next year too, so that a missing year does not make the node DEGRADED in December
        int next = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + 1;
        Path file = appliance.home.resolve("etc/onewindow/calendar/" + next + ".json");
        if (!Files.exists(file)) {
            Files.writeString(file, "{\"year\": " + next + ", \"source\": \"HealthIT\", \"holidays\": [], \"workdays\": []}", StandardCharsets.UTF_8);
        }
    }

    @AfterClass
    public static void stop() {
        appliance.kill();
    }

    @Test
    public void a_startingUntilEveryCapabilityAnswersThenUp() throws Exception {
        long t0 = System.nanoTime();
        appliance.launch();
        List<String> before = new ArrayList<>();
        Http.Answer health = null;
        long firstAnswer = -1;
        while (System.nanoTime() - t0 < 180_000_000_000L) {
            try {
                health = appliance.http.get("/health", null);
            } catch (RuntimeException notListening) {
                Thread.sleep(50);
                continue;
            }
            if (firstAnswer < 0) {
                firstAnswer = System.nanoTime();
            }
            if (health.status == 200) {
                break;
            }
            before.add(health.status + " " + (health.contentType.startsWith("application/json") ? health.json().path("status").asText() : health.body));
            Thread.sleep(50);
        }
        long up = System.nanoTime();
        assertTrue("health answers 200 within 180 s", health != null && health.status == 200);
        // the moment health says UP, every capability answers: nothing is 404 NOT_FOUND any more
        for (String path : ENDPOINTS) {
            Http.Answer a = appliance.http.get(path, null);
            assertNotEquals(path + " is published once health is 200: " + a, "NOT_FOUND", a.status == 404 ? a.code() : "");
        }
        System.out.printf("HealthIT: start to first answer of /health %.1f s, to 200 %.1f s%n", (firstAnswer - t0) / 1e9, (up - t0) / 1e9);
        // before the health's servlet is there the API's own 404 may answer; from the first STARTING on, nothing else
        int starting = before.indexOf("503 STARTING");
        assertTrue("before UP the health answered 503 STARTING: " + before, starting >= 0);
        assertTrue("from then on every answer was 503 STARTING: " + before,
                before.subList(starting, before.size()).stream().allMatch("503 STARTING"::equals));
        JsonNode anonymous = health.json();
        assertEquals("UP", anonymous.path("status").asText());
        assertEquals("anonymous callers get the status alone: " + anonymous, 1, anonymous.size());

        appliance.http.awaitReady(java.time.Duration.ofSeconds(60));
        JsonNode details = appliance.http.get("/health/details", "supervisor").json();
        assertEquals("UP", details.path("status").asText());
        assertEquals("district", details.path("role").asText());
        assertEquals("441302", details.path("node").asText());
        assertTrue(details.toString(), details.path("reasons").isArray() && details.path("reasons").size() == 0);
        assertTrue("the capabilities, each ready: " + details, details.path("capabilities").size() >= 10);
        details.path("capabilities").forEach(c -> assertTrue(c.toString(), c.path("ready").asBoolean()));
        assertEquals("every endpoint published is declared by a capability: " + details, 0, details.path("undeclaredEndpoints").size());
        assertTrue("free space shown: " + details, details.path("storage").path("freeBytes").asLong() > 0);
        assertEquals("details are for staff", 401, appliance.http.get("/health/details", null).status);
        assertTrue("onewindow:status says the same", appliance.client("onewindow:status").contains("health    UP"));
    }

    @Test
    public void b_degradedBelowTheFreeSpaceThreshold() throws Exception {
        Path cfg = appliance.home.resolve("etc/org.onewindow.storage.cfg");
        String shipped = Files.readString(cfg);
        // more than any disk has: the free space is below the threshold
        Files.writeString(cfg, shipped.replaceAll("(?m)^minFreeMegabytes = .*$", "minFreeMegabytes = 1000000000")
                .replaceAll("(?m)^minFreePercent = .*$", "minFreePercent = 99"));
        JsonNode details = awaitDetails("DEGRADED");
        Http.Answer anonymous = appliance.http.get("/health", null);
        assertEquals("a node short of space still serves: " + anonymous, 200, anonymous.status);
        assertEquals("DEGRADED", anonymous.json().path("status").asText());
        assertEquals(1, anonymous.json().size());
        assertEquals(details.toString(), "DISK_LOW", details.path("reasons").path(0).path("code").asText());
        assertTrue(details.toString(), details.path("reasons").path(0).path("message").asText().contains("磁盘"));
        assertTrue(appliance.client("onewindow:status").contains("DISK_LOW"));

        Files.writeString(cfg, shipped);
        awaitDetails("UP");
    }

    @Test
    public void c_degradedWhenTheDatabaseCannotBeWritten() throws Exception {
        assumeTrue("mount namespaces (unshare) are not available here", UnpackedAppliance.mountsPossible());
        appliance.stopGracefully();
        // data/onewindow, database and scans, on a read-only filesystem, as after a disk error
        appliance.launchWithMounts("mount --bind data/onewindow data/onewindow && mount -o remount,bind,ro data/onewindow");
        Http.Answer health = null;
        long end = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                health = appliance.http.get("/health", null);
                if (health.contentType.startsWith("application/json") && "DEGRADED".equals(health.json().path("status").asText())) {
                    break;
                }
            } catch (RuntimeException notListening) {
                // not yet
            }
            Thread.sleep(200);
        }
        assertTrue("a read-only database makes the node DEGRADED: " + health, health != null
                && health.contentType.startsWith("application/json") && "DEGRADED".equals(health.json().path("status").asText()));
        assertEquals("it cannot serve: " + health, 503, health.status);
        Thread.sleep(5000);
        assertEquals("and stays so", "DEGRADED", appliance.http.get("/health", null).json().path("status").asText());
        String log = Files.readString(appliance.home.resolve("data/log/karaf.log"));
        assertTrue("the log says why", log.contains("DATABASE_READ_ONLY"));
        appliance.kill();

        // writable again: the node comes up with everything it had
        appliance.start();
        awaitDetails("UP");
    }

    private static JsonNode awaitDetails(String status) throws InterruptedException {
        JsonNode details = null;
        for (int i = 0; i < 150; i++) {
            details = appliance.http.get("/health/details", "admin").json();
            if (status.equals(details.path("status").asText())) {
                return details;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("health not " + status + " within 30 s: " + details);
    }
}
