package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.db.Jdbc;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.CityStatsDTO;
import org.onewindow.replication.RecordDTO;

/**
 * The board's tallies (V9) kept by the batches: whatever states a case goes through, in one batch or several, again
 * or not, they count each case once, under its latest state, as counting {@code HUB_CASE} itself does.
 */
public class BoardTalliesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private EmbeddedDataSource ds;
    private Districts districts;
    private BatchApplier applier;
    private CityBoard board;
    private final List<RecordDTO> sent = new ArrayList<>();
    private int nonces;

    @Before
    public void freshHub() throws IOException, SQLException {
        ds = HubDatabase.migrated();
        districts = new Districts(ds);
        DistrictKeys keys = new DistrictKeys(ds);
        applier = new BatchApplier(ds, new DistrictTrails(TestTrails.chain()));
        board = new CityBoard(ds);
        HubDatabase.approved(districts, keys, HubDatabase.key("441302"), NOW);
        HubDatabase.approved(districts, keys, HubDatabase.key("441303"), NOW);
    }

    @Test
    public void aCaseCountsOnceUnderItsLatestState() throws SQLException {
        // 441302: one case through its life in three batches (two states in the last), another taken in online
        ship("441302", kase("441302-20261127-0001", "GA", "WINDOW", "DRAFT", 1, null, "2026-11-27T02:00:00Z"),
                kase("441302-20261127-0002", "SC", "ONLINE", "ACCEPTED", 0, null, "2026-11-27T03:00:00Z"));
        ship("441302", kase("441302-20261127-0001", "GA", "WINDOW", "IN_REVIEW", 1, null, "2026-11-27T02:00:00Z"));
        ship("441302", kase("441302-20261127-0001", "GA", "WINDOW", "APPROVED", 1, true, "2026-11-27T02:00:00Z"),
                kase("441302-20261127-0001", "GA", "WINDOW", "DELIVERED", 1, true, "2026-11-27T02:00:00Z"));
        // 441303: a case decided late and delivered after a second visit, one decided in time, one of no department yet
        ship("441303", kase("441303-20261126-0001", "GA", "WINDOW", "DELIVERED", 2, false, "2026-11-26T01:00:00Z"),
                kase("441303-20261128-0002", "GA", "KIOSK", "APPROVED", 1, true, "2026-11-28T01:00:00Z"),
                kase("441303-20261128-0003", null, "WINDOW", "DRAFT", 0, null, null));

        CityStatsDTO stats = board.stats(districts);
        assertEquals(5, stats.cases);
        assertEquals(Map.of("WINDOW", 3L, "ONLINE", 1L, "KIOSK", 1L), stats.byChannel);
        assertEquals(List.of("GA 3", "SC 1", "null 1"), stats.byDepartment.stream().map(d -> d.code + " " + d.cases).toList());
        assertEquals("two of the three decided in time", 2 / 3.0, stats.inTimeRate, 1e-9);
        assertEquals("one of the two delivered after one visit", 0.5, stats.oneVisitRate, 1e-9);
        assertEquals(0.2, stats.onlineShare, 1e-9);
        assertEquals(List.of(2L, 3L), stats.districts.stream().map(d -> d.cases).toList());
        assertEquals("the tallies hold what counting the cases gives", countedFromCases(), counted("HUB_CASE_DAY"));

        // a district that ships everything again (after a restore) changes no count
        List<RecordDTO> again = new ArrayList<>(sent);
        ship("441302", again.stream().filter(r -> r.key.startsWith("441302")).map(r -> copy(r)).toArray(RecordDTO[]::new));
        assertEquals(5, board.stats(districts).cases);
        assertEquals(countedFromCases(), counted("HUB_CASE_DAY"));
    }

    @Test
    public void openCardsCountByTheColourTheirRecordsKeep() throws SQLException {
        ship("441302", card("441302-20261127-0001", "RED"), card("441302-20261127-0002", "YELLOW"), card("441302-20261127-0003", "GREEN"));
        // a case decided in 441303 for 441302 is supervised at both ends: once, in its worst colour
        ship("441303", card("441302-20261127-0002", "RED"));
        assertEquals(Map.of("YELLOW", 0L, "RED", 2L), board.stats(districts).openCards);
        ship("441302", removed("441302-20261127-0001"));
        assertEquals(Map.of("YELLOW", 0L, "RED", 1L), board.stats(districts).openCards);

        // a card the hub took before V9 has no colour yet: the hub gives it one at its start, once
        Jdbc.tx(ds, c -> Jdbc.update(c, "INSERT INTO HUB_RECORD (DISTRICT, KIND, RECORD_KEY, SEQ, PAYLOAD) VALUES"
                + " ('441302', 'CARD', '441302-20261120-0001', 99, '{\"caseNo\":\"441302-20261120-0001\",\"color\":\"YELLOW\"}')"));
        assertEquals(1, (int) Jdbc.tx(ds, OpenCards::classify));
        assertEquals(0, (int) Jdbc.tx(ds, OpenCards::classify));
        assertEquals(Map.of("YELLOW", 1L, "RED", 1L), board.stats(districts).openCards);
    }

    @Test
    public void licencesCountOncePerLicence() {
        RecordDTO first = licence("BUSINESS_LICENCE/BL-1");
        ship("441302", first, licence("BUSINESS_LICENCE/BL-2"));
        ship("441302", licence("BUSINESS_LICENCE/BL-1"));
        ship("441303", licence("BUSINESS_LICENCE/BL-1"));
        assertEquals("a licence of each district is its own", 3, board.stats(districts).licences);
    }

    @Test
    public void aHubUpgradedToTalliesCountsTheCasesItHeld() throws IOException, SQLException {
        ds = HubDatabase.empty();
        HubDatabase.migrate(ds, HubDatabase.MIGRATIONS.subList(0, HubDatabase.MIGRATIONS.indexOf("V9__board_tallies")));
        Jdbc.tx(ds, c -> {
            Jdbc.update(c, "INSERT INTO HUB_DISTRICT (CODE, NAME, STATE, REGISTERED_AT) VALUES ('441302', '惠城区', 'APPROVED', ?)", NOW);
            Jdbc.update(c, "INSERT INTO HUB_CASE (CASE_NO, DISTRICT, SEQ, DEPT_CODE, DEPT_NAME, CHANNEL, STATUS, CREATED_AT, VISITS, IN_TIME,"
                    + " PAYLOAD) VALUES ('441302-20261127-0001', '441302', 1, 'GA', '公安', 'WINDOW', 'DELIVERED', ?, 1, 1, '{}')",
                    Instant.parse("2026-11-27T02:00:00Z"));
            Jdbc.update(c, "INSERT INTO HUB_CASE (CASE_NO, DISTRICT, SEQ, CHANNEL, STATUS, VISITS, PAYLOAD)"
                    + " VALUES ('441302-20261127-0002', '441302', 2, 'ONLINE', 'DRAFT', 0, '{}')");
            Jdbc.update(c, "INSERT INTO HUB_RECORD (DISTRICT, KIND, RECORD_KEY, SEQ, PAYLOAD) VALUES ('441302', 'LICENCE', 'BL/1', 3, '{}')");
            return null;
        });
        HubDatabase.migrate(ds, List.of("V9__board_tallies"));
        districts = new Districts(ds);
        board = new CityBoard(ds);
        CityStatsDTO stats = board.stats(districts);
        assertEquals(2, stats.cases);
        assertEquals(List.of(2L), stats.districts.stream().map(d -> d.cases).toList());
        assertEquals(1, stats.licences);
        assertEquals(1.0, stats.oneVisitRate, 1e-9);
        assertEquals(countedFromCases(), counted("HUB_CASE_DAY"));
    }

    /** What the V9 migration counts from HUB_CASE, in the tallies' order. */
    private List<String> countedFromCases() throws SQLException {
        return rows("SELECT DISTRICT, COALESCE(DEPT_CODE, ''), COALESCE(CAST(CREATED_AT AS DATE), DATE('1970-01-01')), COALESCE(CHANNEL, ''),"
                + " COALESCE(STATUS, ''), COUNT(*), SUM(CASE WHEN IN_TIME = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN IN_TIME IS NULL THEN 0 ELSE 1 END),"
                + " SUM(CASE WHEN STATUS = 'DELIVERED' AND VISITS <= 1 THEN 1 ELSE 0 END) FROM HUB_CASE GROUP BY DISTRICT, COALESCE(DEPT_CODE, ''),"
                + " COALESCE(CAST(CREATED_AT AS DATE), DATE('1970-01-01')), COALESCE(CHANNEL, ''), COALESCE(STATUS, '') ORDER BY 1, 2, 3, 4, 5");
    }

    private List<String> counted(String table) throws SQLException {
        return rows("SELECT DISTRICT, DEPT_CODE, DAY, CHANNEL, STATUS, CASES, IN_TIME, TIMED, ONE_VISIT FROM " + table
                + " WHERE CASES <> 0 ORDER BY 1, 2, 3, 4, 5");
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    row.append(rs.getString(i)).append(i < 9 ? " " : "");
                }
                out.add(row.toString());
            }
            return out;
        }
    }

    private void ship(String district, RecordDTO... records) {
        long acked = districts.list().stream().filter(d -> d.code.equals(district)).findFirst().orElseThrow().ackedSeq;
        BatchDTO b = new BatchDTO();
        b.district = district;
        b.records = new ArrayList<>();
        for (RecordDTO r : records) {
            r.seq = ++acked;
            r.writtenAt = "2026-11-28T07:59:59Z";
            b.records.add(r);
            sent.add(r);
        }
        b.journalLastSeq = acked;
        BatchApplier.checkOwnership(district, b);
        applier.apply(district, b, "n" + (++nonces), NOW, NOW.minusSeconds(600));
    }

    private static RecordDTO kase(String caseNo, String department, String channel, String status, int visits, Boolean inTime,
            String createdAt) {
        RecordDTO r = new RecordDTO();
        r.kind = "CASE";
        r.key = caseNo;
        r.payload = "{\"caseNo\":\"" + caseNo + "\"" + (department == null ? "" : ",\"departmentCode\":\"" + department
                + "\",\"departmentName\":\"部门" + department + "\"") + ",\"channel\":\"" + channel + "\",\"status\":\"" + status
                + "\",\"visits\":" + visits + (inTime == null ? "" : ",\"timeLimit\":{\"inTime\":" + inTime + "}")
                + (createdAt == null ? "" : ",\"createdAt\":\"" + createdAt + "\"") + "}";
        return r;
    }

    private static RecordDTO card(String caseNo, String colour) {
        RecordDTO r = new RecordDTO();
        r.kind = "CARD";
        r.key = caseNo;
        r.payload = "{\"caseNo\":\"" + caseNo + "\",\"color\":\"" + colour + "\"}";
        return r;
    }

    private static RecordDTO removed(String caseNo) {
        RecordDTO r = card(caseNo, "RED");
        r.payload = "{\"caseNo\":\"" + caseNo + "\",\"removed\":true}";
        return r;
    }

    private static RecordDTO licence(String key) {
        RecordDTO r = new RecordDTO();
        r.kind = "LICENCE";
        r.key = key;
        r.payload = "{\"key\":\"" + key + "\"}";
        return r;
    }

    private static RecordDTO copy(RecordDTO r) {
        RecordDTO out = new RecordDTO();
        out.kind = r.kind;
        out.key = r.key;
        out.payload = r.payload;
        return out;
    }
}
