package org.onewindow.hub.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.BreakKind;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.HubEventDTO;

/**
 * The hub's copy of a district's audit trail: records from the district's real trail are kept while each follows the one
 * before; a record changed on its way (or at the district before it was shipped) is refused where it breaks, logged once,
 * shown, and told the district in every answer until a security administrator accepts it.
 */
public class DistrictTrailsTest {
    private final Instant now = Instant.parse("2026-12-06T08:00:00Z");
    private EmbeddedDataSource hubDb;
    private Districts districts;
    private DistrictKeys keys;
    private DistrictTrails trails;
    private BatchApplier applier;
    private AuditTrail district;
    private int nonces;

    @Before
    public void hubAndDistrict() throws Exception {
        hubDb = HubDatabase.migrated();
        districts = new Districts(hubDb);
        keys = new DistrictKeys(hubDb);
        trails = new DistrictTrails(TestTrails.chain());
        applier = new BatchApplier(hubDb, trails);
        HubDatabase.approved(districts, keys, HubDatabase.key("441302"), now);
        DataSource districtDb = TestTrails.database();
        district = TestTrails.trail(districtDb);
        for (int i = 1; i <= 30; i++) {
            district.record(AuditEvent.by("READ_CASE", "clerk").on("CASE", "441302-20261206-" + i).citizen("441302199001011238"));
        }
    }

    private AckDTO ship(long after, List<AuditRecord> records) {
        BatchDTO b = new BatchDTO();
        b.district = "441302";
        b.records = List.of();
        b.auditAfter = after;
        b.audit = records;
        return applier.apply("441302", b, "n" + (++nonces), now, now.minusSeconds(600));
    }

    private long held() {
        return Jdbc.tx(hubDb, c -> {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM HUB_AUDIT WHERE DISTRICT = '441302'"); var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<HubEventDTO> events(String kind) {
        return districts.events("441302", 100).stream().filter(e -> e.event.equals(kind)).toList();
    }

    @Test
    public void aDistrictsTrailIsKeptAsItArrivesAndABatchWithoutOneLearnsWhereTheHubIs() {
        BatchDTO none = new BatchDTO();
        none.district = "441302";
        none.records = List.of();
        AckDTO first = applier.apply("441302", none, "n0", now, now.minusSeconds(600));
        assertEquals("a district learns the hub keeps trails", Long.valueOf(0), first.auditAcked);
        AckDTO ack = ship(0, district.after(0, 10));
        assertEquals(Long.valueOf(10), ack.auditAcked);
        assertNull(ack.auditBreak);
        assertEquals("a repeated batch changes nothing", Long.valueOf(10), ship(0, district.after(0, 10)).auditAcked);
        assertEquals(Long.valueOf(30), ship(10, district.after(10, 100)).auditAcked);
        assertEquals(30, held());
        assertEquals(30, districts.list().get(0).auditSeq);
        assertNull(districts.list().get(0).auditBreak);
    }

    @Test
    public void aChangedRecordIsRefusedWhereItBreaksLoggedOnceAndShownUntilAccepted() {
        ship(0, district.after(0, 10));
        List<AuditRecord> next = new ArrayList<>(district.after(10, 20));
        next.get(4).actor = "someone-else"; // record #15, changed after it was written
        AckDTO ack = ship(10, next);
        assertEquals("kept up to the break", Long.valueOf(14), ack.auditAcked);
        assertNotNull(ack.auditBreak);
        assertEquals(15, ack.auditBreak.seq);
        assertEquals(BreakKind.CHANGED, ack.auditBreak.kind);
        assertEquals(14, held());
        assertTrue(districts.list().get(0).auditBreak, districts.list().get(0).auditBreak.startsWith("#15 CHANGED"));
        // the district sends the same again, and again: refused each time, logged once
        AckDTO again = ship(14, next.subList(4, next.size()));
        assertEquals(Long.valueOf(14), again.auditAcked);
        assertEquals(15, again.auditBreak.seq);
        assertEquals("an empty batch still hears of the break", 15, ship(14, List.of()).auditBreak.seq);
        assertEquals(1, events(DistrictTrails.BROKEN).size());

        // only the break the hub refuses at can be accepted, by a security administrator
        try {
            Jdbc.tx(hubDb, c -> {
                trails.accept(c, "441302", 16, "security", now);
                return null;
            });
            fail("#16 is not where it breaks");
        } catch (Problem p) {
            assertEquals("NO_SUCH_BREAK", p.code());
        }
        Jdbc.tx(hubDb, c -> {
            trails.accept(c, "441302", 15, "security", now);
            return null;
        });
        AckDTO accepted = ship(14, next.subList(4, next.size()));
        assertEquals(Long.valueOf(30), accepted.auditAcked);
        assertNull(accepted.auditBreak);
        assertNull(districts.list().get(0).auditBreak);
        assertEquals(30, held());
        assertEquals(2, events(DistrictTrails.ACCEPTED).size());
        String marked = Jdbc.tx(hubDb, c -> {
            try (var s = c.prepareStatement("SELECT ACCEPTED_BREAK FROM HUB_AUDIT WHERE DISTRICT = '441302' AND SEQ = 15"); var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertEquals("CHANGED", marked);
    }

    @Test
    public void aRecordMissingAtTheDistrictIsABreakButABatchFromElsewhereIsNot() {
        ship(0, district.after(0, 10));
        List<AuditRecord> after = district.after(10, 30);
        AckDTO elsewhere = ship(12, after.subList(2, after.size()));
        assertEquals("sent from where the district wrongly thought the hub was: it sends again from the answer", Long.valueOf(10),
                elsewhere.auditAcked);
        assertNull(elsewhere.auditBreak);
        AckDTO missing = ship(10, after.subList(2, after.size()));
        assertEquals(BreakKind.MISSING, missing.auditBreak.kind);
        assertEquals(11, missing.auditBreak.seq);
    }
}
