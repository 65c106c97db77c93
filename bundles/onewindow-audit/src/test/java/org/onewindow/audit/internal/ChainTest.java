package org.onewindow.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.BreakKind;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.ChainReport;
import org.onewindow.audit.Outcome;
import org.onewindow.security.Actor;

/** The chain: appended, verified, and every kind of tampering found at its place; pruning keeps it verifiable. */
public class ChainTest {
    private static final String CITIZEN = "441302199001011238";
    private DataSource ds;
    private TestTrails.MovableClock clock;
    private AtomicReference<String> algorithm;
    private TrailStore trail;

    @Before
    public void freshTrail() throws Exception {
        ds = TestTrails.database();
        clock = new TestTrails.MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        algorithm = new AtomicReference<>("SHA-256");
        trail = TestTrails.store(ds, algorithm, clock);
    }

    private void fill(int n) {
        for (int i = 1; i <= n; i++) {
            clock.set(clock.instant().plusSeconds(60));
            trail.record(AuditEvent.of("READ_CASE", new Actor("clerk" + (i % 3), java.util.Set.of("clerk"), java.util.Set.of(), "10.0.0." + i))
                    .on("CASE", "441302-20260101-" + i).caseNo("441302-20260101-" + i).citizen(CITIZEN).detail("read " + i));
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static ChainBreak first(ChainReport r) {
        assertFalse("the chain should be broken", r.intact);
        return r.firstBreak();
    }

    @Test
    public void recordsAreChainedInOrderAndVerify() throws Exception {
        fill(100);
        ChainReport r = trail.verify();
        assertTrue(r.breaks.toString(), r.intact);
        assertEquals(100, r.checked);
        assertEquals(100, trail.head().lastSeq());
        List<AuditRecord> all = trail.after(0, 1000);
        assertEquals(ChainHashes.GENESIS, all.get(0).prevHash);
        for (int i = 1; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).seq);
            assertEquals(all.get(i - 1).hash, all.get(i).prevHash);
            assertFalse("times follow the chain", Instant.parse(all.get(i).at).isBefore(Instant.parse(all.get(i - 1).at)));
        }
        AuditRecord one = all.get(0);
        assertEquals("clerk1", one.actor);
        assertEquals("clerk", one.roles);
        assertEquals("10.0.0.1", one.client);
        assertEquals("441302********1238", one.citizen);
        assertEquals(64, one.citizenKey.length());
        assertEquals(Outcome.SUCCESS, one.outcome);
    }

    @Test
    public void theCitizensNumberIsNowhereWholeAndASearchByItFindsTheRecords() throws Exception {
        fill(5);
        trail.record(AuditEvent.by("SHELL_COMMAND", "shell:operator").detail("onewindow:case-list --applicant " + CITIZEN));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM AUDIT_RECORD")) {
            while (rs.next()) {
                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                    String v = rs.getString(col);
                    assertFalse("column " + rs.getMetaData().getColumnName(col) + " holds the number whole", v != null && v.contains(CITIZEN));
                }
            }
        }
        AuditQuery q = new AuditQuery();
        q.citizenId = CITIZEN.toLowerCase().replace('x', 'X');
        assertEquals(5, trail.search(q).size());
        q.citizenId = "441302199001011246";
        assertEquals(0, trail.search(q).size());
    }

    @Test
    public void aChangedRowIsFoundAtItsPlace() throws Exception {
        fill(100);
        sql("UPDATE AUDIT_RECORD SET ACTOR = 'someone-else' WHERE SEQ = 37");
        ChainBreak b = first(trail.verify());
        assertEquals(37, b.seq);
        assertEquals(BreakKind.CHANGED, b.kind);
        assertEquals("one break only: the next record still links to the hash #37 carried", 1, trail.verify().breaks.size());
    }

    @Test
    public void aChangedRowWithItsHashComputedAnewIsFoundAtTheNextRecord() throws Exception {
        fill(20);
        AuditRecord r = trail.after(11, 1).get(0);
        r.detail = "nothing to see";
        String forged = new JdbcAuditTrail().hashes().hash(r);
        sql("UPDATE AUDIT_RECORD SET DETAIL = 'nothing to see', HASH = '" + forged + "' WHERE SEQ = 12");
        ChainBreak b = first(trail.verify());
        assertEquals(13, b.seq);
        assertEquals(BreakKind.MISSING, b.kind);
        assertTrue(b.detail, b.detail.contains("#12 was rewritten"));
    }

    @Test
    public void aDeletedRowIsFoundAtItsPlace() throws Exception {
        fill(100);
        sql("DELETE FROM AUDIT_RECORD WHERE SEQ = 50");
        ChainBreak b = first(trail.verify());
        assertEquals(50, b.seq);
        assertEquals(BreakKind.MISSING, b.kind);
    }

    @Test
    public void aDeletedRowWhoseFollowersWereRenumberedIsFoundAtItsPlace() throws Exception {
        fill(100);
        sql("DELETE FROM AUDIT_RECORD WHERE SEQ = 50");
        sql("UPDATE AUDIT_RECORD SET SEQ = SEQ - 1 WHERE SEQ > 50");
        ChainBreak b = first(trail.verify());
        assertEquals(50, b.seq);
        assertEquals(BreakKind.MISSING, b.kind);
    }

    @Test
    public void rowsDeletedFromTheEndAreFoundThroughTheHead() throws Exception {
        fill(100);
        sql("DELETE FROM AUDIT_RECORD WHERE SEQ >= 98");
        ChainBreak b = first(trail.verify());
        assertEquals(98, b.seq);
        assertEquals(BreakKind.MISSING, b.kind);
    }

    @Test
    public void reorderedRowsAreFoundAtTheirPlace() throws Exception {
        fill(100);
        sql("UPDATE AUDIT_RECORD SET SEQ = -1 WHERE SEQ = 20");
        sql("UPDATE AUDIT_RECORD SET SEQ = 20 WHERE SEQ = 21");
        sql("UPDATE AUDIT_RECORD SET SEQ = 21 WHERE SEQ = -1");
        ChainBreak b = first(trail.verify());
        assertEquals(20, b.seq);
        assertEquals(BreakKind.REORDERED, b.kind);
        assertTrue(b.detail, b.detail.contains("#21"));
    }

    @Test
    public void anUnknownOutcomeOrAlgorithmWrittenIntoARowIsFound() throws Exception {
        fill(10);
        sql("UPDATE AUDIT_RECORD SET OUTCOME = 'NEVER' WHERE SEQ = 4");
        sql("UPDATE AUDIT_RECORD SET ALGORITHM = 'MD5' WHERE SEQ = 7");
        ChainReport r = trail.verify();
        assertEquals(BreakKind.CHANGED, r.breaks.get(0).kind);
        assertEquals(4, r.breaks.get(0).seq);
        assertEquals(BreakKind.UNVERIFIABLE, r.breaks.get(1).kind);
        assertEquals(7, r.breaks.get(1).seq);
    }

    @Test
    public void anAppendInATransactionThatRollsBackLeavesNoRecordAndNoGap() throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(1, trail.append(c, AuditEvent.by("CONFIG_UPDATED", "system:configuration").on("CONFIG", "org.onewindow.x")));
            c.rollback();
            assertEquals(1, trail.append(c, AuditEvent.by("CONFIG_UPDATED", "system:configuration").on("CONFIG", "org.onewindow.y")));
            c.commit();
        }
        List<AuditRecord> all = trail.after(0, 10);
        assertEquals(1, all.size());
        assertEquals("org.onewindow.y", all.get(0).objectKey);
        assertEquals(ChainHashes.GENESIS, all.get(0).prevHash);
        assertTrue(trail.verify().intact);
    }

    @Test
    public void pruningDeletesOnlyWhatTheHubHoldsAndIsOldAndKeepsTheChainVerifiable() throws Exception {
        fill(100); // a minute apart from 2026-01-01T00:01
        trail.shipped(60);
        Instant cutoff = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(80)).plusSeconds(1);
        Pruned p = trail.prune(trail.head().shippedSeq(), cutoff, 7);
        assertEquals("only up to what the hub holds", 60, p.deleted());
        assertEquals(60, p.anchorSeq());
        ChainReport r = trail.verify();
        assertTrue(r.breaks.toString(), r.intact);
        assertEquals(40, r.checked);
        assertEquals(60, r.anchorSeq);

        trail.shipped(100);
        p = trail.prune(100, cutoff, 7);
        assertEquals("only what is older than the retention", 20, p.deleted());
        assertTrue(trail.verify().intact);
        sql("UPDATE AUDIT_RECORD SET DETAIL = 'x' WHERE SEQ = 90");
        assertEquals(90, first(trail.verify()).seq);
    }

    @Test
    public void pruningStopsAtABreakSoTheEvidenceStays() throws Exception {
        fill(30);
        sql("DELETE FROM AUDIT_RECORD WHERE SEQ = 10");
        Pruned p = trail.prune(30, Instant.parse("2027-01-01T00:00:00Z"), 1000);
        assertEquals(9, p.deleted());
        assertEquals(10, first(trail.verify()).seq);
    }

    @Test
    public void aRecordMovedFromAnOlderLogKeepsItsTimeButIsNotPrunedBeforeItsPredecessors() throws Exception {
        fill(3);
        trail.record(AuditEvent.by("LOGIN", "clerk").at(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals("2020-01-01T00:00:00Z", trail.after(3, 1).get(0).at);
        assertEquals(0, trail.prune(4, Instant.parse("2026-01-01T00:00:30Z"), 100).deleted());
        assertTrue(trail.verify().intact);
    }

    @Test
    public void theAlgorithmMayChangeWithoutBreakingTheChain() throws Exception {
        fill(10);
        algorithm.set("SM3");
        fill(10);
        List<AuditRecord> all = trail.after(0, 100);
        assertEquals("SHA-256", all.get(9).algorithm);
        assertEquals("SM3", all.get(10).algorithm);
        assertTrue(trail.verify().intact);
    }

    @Test
    public void sm3IsTheStandardsDigest() {
        // GB/T 32905-2016, example 1
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HexFormat.of().formatHex(new Sm3Digest().digest("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    @Test
    public void theHubsRuleIsTheSameAsTheNodes() throws Exception {
        fill(3);
        List<AuditRecord> all = trail.after(0, 10);
        ChainHashes rule = new JdbcAuditTrail().hashes();
        assertNull(rule.check(0, ChainHashes.GENESIS, all.get(0)));
        assertNull(rule.check(1, all.get(0).hash, all.get(1)));
        assertEquals(BreakKind.MISSING, rule.check(1, all.get(0).hash, all.get(2)).kind);
        all.get(1).detail = "changed on the way";
        assertEquals(BreakKind.CHANGED, rule.check(1, all.get(0).hash, all.get(1)).kind);
    }

    @Test
    public void theCitizenKeyIsAFileOnlyTheApplianceReads() throws Exception {
        Path dir = Files.createTempDirectory("audit-key");
        Path key = dir.resolve("audit").resolve("citizen.key");
        CitizenKeys first = CitizenKeys.in(key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
        assertEquals("the key is kept", first.of(CITIZEN), CitizenKeys.in(key).of(CITIZEN));
        assertNotNull(first.of(CITIZEN));
        assertFalse("another node's key gives another hash", first.of(CITIZEN).equals(CitizenKeys.in(dir.resolve("other.key")).of(CITIZEN)));
    }
}
