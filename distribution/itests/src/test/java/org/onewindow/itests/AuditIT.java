package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one audit trail on the real appliance: every kind of event lands in it (a login, a failed login, a user change, a
 * case read, a scan read, a licence read, a binding, a configuration change, a catalog import, a shell command, an export),
 * the old logs still answer as views of it, the auditor alone reads and exports it, and a row changed or deleted directly
 * in Derby is reported by {@code onewindow:audit-verify} and {@code GET /audit/verify} at that row.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditIT extends DemoApplianceTest {
    private static final String CITIZEN = "441302198805050012";

    @Inject
    ConfigurationAdmin configurations;

    @Inject
    @Filter("(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Override
    @Before
    public void apiUp() throws InterruptedException {
        super.apiUp();
        http.awaitOk("/audit?size=1", "auditor", Duration.ofSeconds(60));
        http.awaitOk("/online/citizens/bindings?idNumber=" + CITIZEN, "security", Duration.ofSeconds(60));
    }

    @Test
    public void everyKindOfEventLandsInTheOneTrailAndTheOldLogsAreViewsOfIt() throws Exception {
        // a login and a failed login
        assertEquals(200, http.get("/catalog/items?size=1", "clerk").status);
        assertEquals(401, http.get("/catalog/items?size=1", "clerk:not-the-password").status);
        // a user change
        assertEquals(201, http.postJson("/users", "security", "{\"name\":\"audited\",\"password\":\"Hall-Window-2026\",\"roles\":[\"clerk\"]}").status);
        // a case read and a scan read
        JsonNode item = Cases.item(http, "GA", 1);
        Http.Answer opened = http.postJson("/cases", "clerk", Cases.open(item.path("code").asText(), CITIZEN));
        assertEquals(opened.toString(), 201, opened.status);
        String caseNo = opened.json().path("caseNo").asText();
        Http.Answer uploaded = http.upload("/cases/" + caseNo + "/materials", "clerk", new String[] {"page.png"}, new byte[][] {Cases.png("p1")});
        assertEquals(uploaded.toString(), 201, uploaded.status);
        assertEquals(200, http.get("/cases/" + caseNo, "clerk").status);
        String scan = http.get("/cases/" + caseNo + "/materials", "reviewer").json().get(0).path("id").asText();
        assertEquals(200, http.get("/cases/" + caseNo + "/materials/" + scan, "reviewer").status);
        // a licence read
        assertEquals(200, http.get("/licences?holder=" + CITIZEN + "&purpose=" + enc("核对持证情况"), "clerk").status);
        // a binding
        Http.Answer bound = http.postJson("/online/citizens/bindings", "clerk", "{\"idNumber\":\"" + CITIZEN + "\",\"mobile\":\"13800138123\"}");
        assertEquals(bound.toString(), 200, bound.status);
        // a configuration change
        org.osgi.service.cm.Configuration audit = configurations.getConfiguration("org.onewindow.audit", null);
        Hashtable<String, Object> props = new Hashtable<>();
        for (var keys = audit.getProperties().keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            props.put(k, audit.getProperties().get(k));
        }
        props.put("pruneIntervalMinutes", "61");
        audit.update(props);
        // a catalog import by a person
        JsonNode one = http.get("/catalog/export", "admin").json().get(0);
        assertEquals(200, http.post("/catalog/items", "admin", "application/json", ("[" + one + "]").getBytes(StandardCharsets.UTF_8)).status);
        // a shell command
        assertTrue(shell("onewindow:status").contains("audit trail"));

        Map<String, JsonNode> seen = awaitActions(List.of("LOGIN", "LOGIN_FAILED", "USER_CREATED", "READ_CASE", "READ_SCAN", "LICENCE_LIST",
                "BINDING_BOUND", "CONFIG_UPDATED", "CATALOG_IMPORT", "SHELL_COMMAND", "CATALOG_EXPORT"));
        JsonNode read = seen.get("READ_CASE");
        assertEquals("clerk", read.path("actor").asText());
        assertEquals(caseNo, read.path("caseNo").asText());
        assertEquals("the citizen shown masked", "441302********0012", read.path("citizen").asText());
        assertFalse("and never whole", http.get("/audit?size=1000", "auditor").body.contains(CITIZEN));
        assertEquals("127.0.0.1", read.path("client").asText());
        assertEquals("clerk", read.path("roles").asText());
        assertEquals("FAILURE", seen.get("LOGIN_FAILED").path("outcome").asText());
        assertEquals("org.onewindow.audit", seen.get("CONFIG_UPDATED").path("objectKey").asText());
        assertTrue(seen.get("CONFIG_UPDATED").path("detail").asText(), seen.get("CONFIG_UPDATED").path("detail").asText().contains("pruneIntervalMinutes"));
        assertEquals("shell:it-admin", seen.get("SHELL_COMMAND").path("actor").asText());
        assertEquals("admin", seen.get("CATALOG_IMPORT").path("actor").asText());

        // by citizen: the case read, the licence read and the binding, found through the keyed hash
        JsonNode mine = http.get("/audit?citizen=" + CITIZEN + "&size=100", "auditor").json().path("records");
        List<String> actions = new ArrayList<>();
        mine.forEach(r -> actions.add(r.path("action").asText()));
        assertTrue(actions.toString(), actions.containsAll(List.of("READ_CASE", "LICENCE_LIST", "BINDING_BOUND")));
        assertTrue(http.get("/audit?case=" + caseNo, "auditor").json().path("records").size() >= 2);
        assertTrue(http.get("/audit?action=USER_CREATED&actor=security", "auditor").json().path("records").size() >= 1);
        // pages by sequence number
        JsonNode page = http.get("/audit?size=3", "auditor").json();
        long next = page.path("next").asLong();
        JsonNode second = http.get("/audit?size=3&before=" + next, "auditor").json();
        assertTrue(second.path("records").get(0).path("seq").asLong() < next);

        // the old logs answer as views of it
        JsonNode access = http.get("/access/events?user=audited", "auditor").json();
        assertTrue(access.toString(), access.toString().contains("USER_CREATED"));
        JsonNode licences = http.get("/licences/access?holder=" + CITIZEN, "auditor").json();
        assertTrue(licences.toString(), licences.toString().contains("\"LIST\"") && licences.toString().contains("核对持证情况"));

        // the auditor alone reads it
        for (String role : List.of("admin", "security", "clerk", "supervisor")) {
            assertEquals(role, 403, http.get("/audit?size=1", role).status);
            assertEquals(role, 403, http.get("/audit/verify", role).status);
            assertEquals(role, 403, http.get("/audit/export", role).status);
        }
        assertEquals("INVALID_QUERY", http.get("/audit?from=yesterday", "auditor").code());

        // the CSV export, itself recorded
        Http.Answer csv = http.get("/audit/export?case=" + caseNo, "auditor");
        assertEquals(200, csv.status);
        assertTrue(csv.contentType, csv.contentType.startsWith("text/csv"));
        assertTrue(csv.body, csv.body.contains("seq,at,actor") && csv.body.contains("READ_CASE") && !csv.body.contains(CITIZEN));
        JsonNode exported = awaitActions(List.of("AUDIT_EXPORT")).get("AUDIT_EXPORT");
        assertEquals("auditor", exported.path("actor").asText());

        JsonNode verified = http.get("/audit/verify", "auditor").json();
        assertTrue(verified.toString(), verified.path("intact").asBoolean());
        assertTrue(verified.path("checked").asLong() > 10);

        // the citizen key: personal data, the appliance's alone
        Path key = Path.of(System.getProperty("karaf.data"), "onewindow", "audit", "citizen.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
    }

    @Test
    public void aRowChangedOrDeletedInDerbyIsReportedAtThatRow() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, http.get("/catalog/items?size=1", "supervisor").status);
        }
        long last = http.get("/audit?size=1", "auditor").json().path("records").get(0).path("seq").asLong();
        long target = last - 2;
        String detail = column(target, "DETAIL");
        try {
            update("UPDATE AUDIT_RECORD SET DETAIL = 'nothing happened' WHERE SEQ = ?", target);
            String out = shell("onewindow:audit-verify");
            assertTrue(out, out.contains("BROKEN at #" + target + ": CHANGED"));
            JsonNode report = http.get("/audit/verify", "auditor").json();
            assertFalse(report.path("intact").asBoolean());
            assertEquals(target, report.path("breaks").get(0).path("seq").asLong());
            assertEquals("CHANGED", report.path("breaks").get(0).path("kind").asText());
        } finally {
            update("UPDATE AUDIT_RECORD SET DETAIL = ? WHERE SEQ = ?", detail, target);
        }
        assertTrue(http.get("/audit/verify", "auditor").json().path("intact").asBoolean());

        List<Object> row = row(target);
        try {
            update("DELETE FROM AUDIT_RECORD WHERE SEQ = ?", target);
            String out = shell("onewindow:audit-verify");
            assertTrue(out, out.contains("BROKEN at #" + target + ": MISSING"));
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("INSERT INTO AUDIT_RECORD VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < row.size(); i++) {
                    s.setObject(i + 1, row.get(i));
                }
                s.executeUpdate();
            }
        }
        assertTrue(shell("onewindow:audit-verify").contains("INTACT"));
        // every verification is recorded
        assertNotNull(awaitActions(List.of("AUDIT_VERIFY")).get("AUDIT_VERIFY"));
    }

    /** The newest record of each action, waiting (up to 20 s) until all are there: a configuration event comes a moment later. */
    private Map<String, JsonNode> awaitActions(List<String> wanted) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, JsonNode> found = new java.util.HashMap<>();
        while (true) {
            found.clear();
            for (JsonNode r : http.get("/audit?size=1000", "auditor").json().path("records")) {
                found.putIfAbsent(r.path("action").asText(), r);
            }
            if (found.keySet().containsAll(wanted) || System.nanoTime() > end) {
                List<String> missing = new ArrayList<>(wanted);
                missing.removeAll(found.keySet());
                assertTrue("not in the trail: " + missing, missing.isEmpty());
                return found;
            }
            Thread.sleep(200);
        }
    }

    private String column(long seq, String column) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM AUDIT_RECORD WHERE SEQ = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private List<Object> row(long seq) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM AUDIT_RECORD WHERE SEQ = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                List<Object> out = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getObject(i));
                }
                return out;
            }
        }
    }

    private void update(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
