package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A federated district restored from an older copy of its {@code data/} while the city hub had acknowledged more (the
 * fault test's finding 1 of issue 18): the hub never skips a record of the rewound journal, the district takes in no
 * case until the hub has given back what it held of the district's, and no case number is issued twice. A hub and one
 * district as real Karaf processes, as in {@link FederationIT}.
 */
public class RestoreIT {
    private static final String A = "441302";
    private static UnpackedAppliance hub;
    private static UnpackedAppliance a;

    @BeforeClass
    public static void federate() throws Exception {
        hub = UnpackedAppliance.unpack("restore-hub", Ports.of(9781), Ports.of(9701));
        hub.replace("etc/org.onewindow.node.cfg", "role = district", "role = hub");
        hub.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = 441300");
        a = UnpackedAppliance.unpack("restore-a", Ports.of(9782), Ports.of(9702));
        hub.launch();
        a.launch();
        hub.http.awaitWindow(Http.BOOT);
        a.http.awaitWindow(Http.BOOT);
        hub.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        a.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));
        Http.Answer registered = a.http.postJson("/replication/registration", "admin", "{\"hubUrl\":\"" + Ports.local(9781) + "\"}");
        assertEquals(registered.toString(), 200, registered.status);
        Http.Answer approved = Federation.approve(hub.http, A, a.http.get("/replication", "admin").json().path("fingerprint").asText());
        assertEquals(approved.toString(), 200, approved.status);
    }

    @AfterClass
    public static void stop() {
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub, a}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    public void aDistrictRestoredFromAnOlderCopyLosesNothingTheCityHasAndReusesNoNumber() throws Exception {
        List<String> early = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            early.add(Federation.openCase(a));
        }
        Federation.awaitSameCases(hub.http, a, A);

        // district IT copies data/ of the stopped appliance: the backup
        a.stopGracefully();
        Path backup = a.home.resolveSibling("data-backup");
        copyTree(a.home.resolve("data"), backup);
        a.start();

        // after the copy: cases the hub acknowledges, and a change to a case the copy holds
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            later.add(Federation.openCase(a));
        }
        String withdrawn = early.get(0);
        Http.Answer withdrawal = a.http.postJson("/cases/" + withdrawn + "/transitions", "clerk", "{\"to\":\"WITHDRAWN\",\"note\":\"申请人撤回\"}");
        assertEquals(withdrawal.toString(), 200, withdrawal.status);
        Federation.awaitSameCases(hub.http, a, A);
        Map<String, String> city = Federation.hubCases(hub.http, A);
        assertEquals(25, city.size());
        Map<String, String> applicants = applicants(a, city.keySet());
        long acknowledged = Federation.district(hub.http, A).path("ackedSeq").asLong();

        // the disk dies; district IT puts the older copy back and starts the appliance
        a.kill();
        deleteTree(a.home.resolve("data"));
        copyTree(backup, a.home.resolve("data"));
        a.launch();
        a.http.awaitWindow(Http.BOOT);

        // the hall takes in more cases than it lost: its journal passes what the hub had acknowledged
        List<String> refusals = new ArrayList<>();
        Map<String, String> fresh = new LinkedHashMap<>();
        while (fresh.size() < 20) {
            String applicant = Federation.applicant();
            Http.Answer opened = a.http.postJson("/cases", "clerk", Cases.open("RS-SB-003", applicant, "M01"));
            if (opened.status == 201) {
                fresh.put(opened.json().path("caseNo").asText(), applicant);
            } else {
                // until the district has caught up with the city it takes in nothing, and says why in words a clerk reads
                assertEquals(opened.toString(), 503, opened.status);
                refusals.add(opened.code());
                assertTrue(opened.toString(), opened.json().path("message").asText().contains("市级"));
                Thread.sleep(250);
            }
        }
        assertTrue("the journal is past the old acknowledgement", a.http.get("/replication", "admin").json().path("journalLastSeq").asLong()
                > acknowledged);

        // the hub ends with exactly the district's cases: nothing skipped
        Federation.awaitSameCases(hub.http, a, A);
        Map<String, String> here = Federation.districtCases(a, A);
        assertEquals(45, here.size());
        // nothing the city had is lost: every case it had acknowledged is back at the district, in its status, its applicant's
        for (Map.Entry<String, String> c : city.entrySet()) {
            assertEquals("case " + c.getKey() + " as the city had it", c.getValue(), here.get(c.getKey()));
        }
        assertEquals("WITHDRAWN", here.get(withdrawn));
        assertTrue(Federation.notes(a.http.get("/cases/" + withdrawn, "supervisor").json()).contains("申请人撤回"));
        assertEquals("no number names another applicant's case", applicants, applicants(a, city.keySet()));
        // no number issued twice: the new cases follow the highest the city had seen
        for (Map.Entry<String, String> c : fresh.entrySet()) {
            assertFalse("number " + c.getKey() + " was issued before the restore", city.containsKey(c.getKey()));
            // (the case API masks the number for staff)
            assertEquals(Cases.masked(c.getValue()), a.http.get("/cases/" + c.getKey(), "supervisor").json().path("applicant").path("idNumber").asText());
        }
        for (String no : later) {
            assertTrue(no + " was acknowledged by the hub and is back", here.containsKey(no));
        }

        // district IT and the city see what happened
        JsonNode restore = a.http.get("/replication", "admin").json().path("restore");
        assertEquals(restore.toString(), "RECONCILED", restore.path("state").asText());
        assertTrue(restore.toString(), restore.path("recordsRestored").asLong() >= 16);
        assertEquals(restore.toString(), acknowledged, restore.path("hubAcked").asLong());
        assertTrue("refused with one stable code: " + refusals, refusals.stream().allMatch(Set.of("HUB_CHECK_PENDING", "RESTORE_RECONCILING")::contains));
        String status = a.client("onewindow:replication-status");
        assertTrue(status, status.contains("RECONCILED"));
        JsonNode atHub = Federation.district(hub.http, A);
        assertTrue(atHub.toString(), atHub.path("rewound").isMissingNode() || atHub.path("rewound").isNull());
        boolean logged = false;
        for (JsonNode e : hub.http.get("/hub/events?district=" + A + "&size=200", "auditor").json()) {
            logged |= "DISTRICT_RECONCILED".equals(e.path("event").asText());
        }
        assertTrue("the hub logged the reconciliation", logged);
    }

    /** Case number to applicant ID number, as the district has them. */
    private static Map<String, String> applicants(UnpackedAppliance district, Set<String> caseNos) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String no : caseNos) {
            Http.Answer c = district.http.get("/cases/" + no, "supervisor");
            out.put(no, c.status == 200 ? c.json().path("applicant").path("idNumber").asText() : "(missing: " + c.status + ")");
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
