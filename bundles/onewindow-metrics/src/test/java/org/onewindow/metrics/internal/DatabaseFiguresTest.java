package org.onewindow.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.Test;
import org.onewindow.db.Jdbc;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The scrape-time figures against the capabilities' real tables in an in-memory Derby. */
public class DatabaseFiguresTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    public void casesByStatusAndTheCasesTakenIn() throws Exception {
        DataSource ds = Schemas.database("onewindow-intake/intake");
        CaseFigures figures = new CaseFigures(registry);
        insertCase(ds, "441302-20261206-0001", "ACCEPTED", "110101199003074514");
        insertCase(ds, "441302-20261206-0002", "ACCEPTED", "110101199003074514");
        insertCase(ds, "441302-20261206-0003", "DRAFT", "110101199003074514");
        figures.refresh(ds);
        String text = registry.scrape();
        assertEquals(text, 2, value(text, "onewindow_cases{status=\"ACCEPTED\"}"), 1e-9);
        assertEquals(text, 1, value(text, "onewindow_cases{status=\"DRAFT\"}"), 1e-9);
        assertTrue(text, text.contains("# TYPE onewindow_cases_taken_in_total counter"));
        assertEquals(text, 3, value(text, "onewindow_cases_taken_in_total"), 1e-9);
        assertTrue(text, text.contains("# HELP onewindow_cases Cases in the hall's database by status"));

        Jdbc.tx(ds, c -> Jdbc.update(c, "UPDATE CASE_FILE SET STATUS = 'DELIVERED' WHERE CASE_NO LIKE '%0003'"));
        figures.refresh(ds);
        text = registry.scrape();
        assertFalse("a status no case has any more is gone: " + text, text.contains("status=\"DRAFT\""));
        assertEquals(text, 1, value(text, "onewindow_cases{status=\"DELIVERED\"}"), 1e-9);
        assertFalse("nothing names a citizen or a case", text.contains("110101199003074514") || text.contains("441302-20261206"));
    }

    @Test
    public void theOutboxByDepartmentAndStateWithItsOldestWait() throws Exception {
        DataSource ds = Schemas.database("onewindow-intake/intake");
        OutboxFigures figures = new OutboxFigures(registry, clock);
        handover(ds, "k1", "GA", "PENDING", NOW.minusSeconds(60));
        handover(ds, "k2", "GA", "RETRYING", NOW.minusSeconds(3600));
        handover(ds, "k3", "SJ", "DEAD", NOW.minusSeconds(7200));
        handover(ds, "k4", "SJ", "DONE", NOW.minusSeconds(99999));
        figures.refresh(ds);
        String text = registry.scrape();
        assertEquals(text, 1, value(text, "onewindow_relay_outbox{department=\"GA\",state=\"PENDING\"}"), 1e-9);
        assertEquals(text, 1, value(text, "onewindow_relay_outbox{department=\"GA\",state=\"RETRYING\"}"), 1e-9);
        assertEquals(text, 1, value(text, "onewindow_relay_outbox{department=\"SJ\",state=\"DEAD\"}"), 1e-9);
        assertFalse("done handovers are not the outbox's: " + text, text.contains("state=\"DONE\""));
        assertEquals(text, 3600, value(text, "onewindow_relay_outbox_oldest_age_seconds{department=\"GA\"}"), 1e-9);
        assertEquals(text, 7200, value(text, "onewindow_relay_outbox_oldest_age_seconds{department=\"SJ\"}"), 1e-9);
    }

    @Test
    public void theJournalAndTheDistrictsBacklogAndLag() throws Exception {
        DataSource ds = Schemas.database("onewindow-db/journal", "onewindow-replication/replication");
        JournalFigures journal = new JournalFigures(registry);
        ReplicationFigures replication = new ReplicationFigures(registry, clock);
        replication.refresh(ds);
        assertTrue("not federated: no figures", registry.scrape().contains("onewindow_replication_backlog_records NaN"));
        Jdbc.tx(ds, c -> {
            for (int seq = 1; seq <= 10; seq++) {
                Jdbc.update(c, "INSERT INTO OW_JOURNAL (SEQ, KIND, RECORD_KEY, PAYLOAD, WRITTEN_AT) VALUES (?, 'case', 'k', '{}', ?)", seq,
                        NOW.minusSeconds(100 - seq));
            }
            Jdbc.update(c, "UPDATE OW_JOURNAL_COUNTER SET LAST_SEQ = 10 WHERE ID = 1");
            Jdbc.update(c, "DELETE FROM OW_JOURNAL WHERE SEQ <= 2"); // pruned
            return Jdbc.update(c, "INSERT INTO REPL_LINK (ID, HUB_URL, DISTRICT, TOKEN, STATE, ACKED_SEQ, REGISTERED_AT, LAST_SHIPPED_AT, LAST_ERROR)"
                    + " VALUES (1, 'https://hub', '441302', 't', 'ACTIVE', 6, ?, ?, 'connection refused')", NOW.minusSeconds(9999), NOW.minusSeconds(30));
        });
        journal.refresh(ds);
        replication.refresh(ds);
        String text = registry.scrape();
        assertEquals(text, 10, value(text, "onewindow_journal_records_written_total"), 1e-9);
        assertEquals(text, 8, value(text, "onewindow_journal_records"), 1e-9);
        assertEquals(text, 4, value(text, "onewindow_replication_backlog_records"), 1e-9);
        assertEquals("the oldest unacknowledged (seq 7) was written 93 s ago: " + text, 93, value(text, "onewindow_replication_lag_seconds"), 1e-9);
        assertEquals(text, 1, value(text, "onewindow_replication_link_failing"), 1e-9);
        assertEquals(text, NOW.getEpochSecond() - 30, value(text, "onewindow_replication_last_shipped_timestamp_seconds"), 1e-3);
    }

    @Test
    public void theHubsFiguresPerDistrict() throws Exception {
        DataSource ds = Schemas.database("onewindow-hub/hub");
        HubFigures hub = new HubFigures(registry, clock);
        Jdbc.tx(ds, c -> {
            Jdbc.update(c, "INSERT INTO HUB_DISTRICT (CODE, NAME, STATE, REGISTERED_AT, LAST_CONTACT, ACKED_SEQ, JOURNAL_LAST_SEQ, LAG_MILLIS)"
                    + " VALUES ('441302', 'A', 'ACTIVE', ?, ?, 90, 100, 2500)", NOW, NOW.minusSeconds(20));
            return Jdbc.update(c, "INSERT INTO HUB_DISTRICT (CODE, NAME, STATE, REGISTERED_AT) VALUES ('441303', 'B', 'PENDING', ?)", NOW);
        });
        hub.refresh(ds);
        String text = registry.scrape();
        assertEquals(text, 10, value(text, "onewindow_hub_district_backlog_records{district=\"441302\"}"), 1e-9);
        assertEquals(text, 2.5, value(text, "onewindow_hub_district_lag_seconds{district=\"441302\"}"), 1e-9);
        assertEquals(text, 20, value(text, "onewindow_hub_district_last_contact_age_seconds{district=\"441302\"}"), 1e-9);
        assertFalse("no lag reported by B", text.contains("onewindow_hub_district_lag_seconds{district=\"441303\"}"));
        assertEquals(text, 1, value(text, "onewindow_hub_districts{state=\"ACTIVE\"}"), 1e-9);
        assertEquals(text, 1, value(text, "onewindow_hub_districts{state=\"PENDING\"}"), 1e-9);
    }

    @Test
    public void aTableThatIsNotThereLeavesItsFiguresOut() throws Exception {
        DataSource ds = Schemas.database("onewindow-db/journal");
        CaseFigures cases = new CaseFigures(registry);
        cases.refresh(ds);
        assertFalse(registry.scrape().contains("onewindow_cases{"));
    }

    @Test
    public void derbysSizeOnDiskAndOpenTransactions() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("derby");
        java.nio.file.Files.write(folder.resolve("seg0.dat"), new byte[4096]);
        java.nio.file.Files.createDirectories(folder.resolve("log"));
        java.nio.file.Files.write(folder.resolve("log/log1.dat"), new byte[1024]);
        DataSource ds = Schemas.database("onewindow-db/journal");
        DerbyFigures derby = new DerbyFigures(registry, folder);
        derby.refresh(ds);
        String text = registry.scrape();
        assertEquals(text, 5120, value(text, "onewindow_derby_size_bytes"), 0);
        assertEquals(text, 0, value(text, "onewindow_derby_transactions_active"), 0);
        try (Connection open = ds.getConnection()) {
            open.setAutoCommit(false);
            Jdbc.update(open, "UPDATE OW_JOURNAL_COUNTER SET LAST_SEQ = LAST_SEQ WHERE ID = 1");
            derby.refresh(ds);
            text = registry.scrape();
            assertEquals(text, 1, value(text, "onewindow_derby_transactions_active"), 0);
            open.rollback();
        }
    }

    /** The value of a series in the scrape's text. */
    static double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]);
            }
        }
        throw new AssertionError(series + " not in " + text);
    }

    private static void insertCase(DataSource ds, String no, String status, String idNumber) {
        Jdbc.tx(ds, c -> Jdbc.update(c, "INSERT INTO CASE_FILE (CASE_NO, ITEM_CODE, ITEM_VERSION, ITEM_NAME, DEPT_CODE, DEPT_NAME, TIME_LIMIT_DAYS,"
                + " CHANNEL, STATUS, APPLICANT_ID_TYPE, APPLICANT_ID, APPLICANT_NAME, VISITS, CREATED_AT, CREATED_BY, UPDATED_AT)"
                + " VALUES (?, 'I1', 1, 'item', 'GA', 'dept', 5, 'WINDOW', ?, 'ID_CARD', ?, '张三', 1, ?, 'clerk', ?)", no, status, idNumber, NOW, NOW));
    }

    private static void handover(DataSource ds, String key, String department, String state, Instant created) throws SQLException {
        Jdbc.tx(ds, (Connection c) -> Jdbc.update(c, "INSERT INTO CASE_HANDOVER (CASE_NO, DEPT_CODE, DELIVERY_KEY, PURPOSE, STATE, ATTEMPTS,"
                + " NEXT_ATTEMPT_AT, CREATED_AT) VALUES ('441302-20261206-0001', ?, ?, 'DECIDE', ?, 0, ?, ?)", department, key, state,
                Timestamp.from(created), Timestamp.from(created)));
    }
}
