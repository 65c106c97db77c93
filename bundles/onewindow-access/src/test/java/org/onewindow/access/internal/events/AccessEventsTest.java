package org.onewindow.access.internal.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.Test;
import org.onewindow.access.internal.TestDatabase;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.Outcome;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.db.Jdbc;

/** The access log as a view of the audit trail. */
public class AccessEventsTest {

    private static AuditTrail trail(DataSource ds) throws Exception {
        TestTrails.install(ds);
        return TestTrails.trail(ds);
    }

    @Test
    public void eventsAreReadNewestFirstByUserKindAndTime() throws Exception {
        AuditTrail trail = trail(TestDatabase.fresh());
        AccessEvents events = new AccessEvents(trail);
        Instant before = Instant.now().minusSeconds(1);
        events.record(Instant.now(), AccessEvent.LOGIN_FAILED, "admin", "10.0.0.9", "CONSOLE", null, null);
        events.record(Instant.now(), AccessEvent.LOGIN, "admin", "10.0.0.20", "CONSOLE", null, null);
        events.record(Instant.now(), AccessEvent.USER_CREATED, "wang", null, null, "security", "roles [clerk]");
        List<AccessEventDTO> all = events.list(null, List.of(), null, null, 10);
        assertEquals(List.of("USER_CREATED", "LOGIN", "LOGIN_FAILED"), all.stream().map(AccessEventDTO::event).toList());
        assertEquals("security", all.get(0).actor());
        assertEquals("wang", all.get(0).user());
        assertNull("a login is the account's own doing", all.get(1).actor());
        assertEquals(2, events.list("admin", List.of(), null, null, 10).size());
        assertEquals(1, events.list(null, List.of(AccessEvent.LOGIN_FAILED), null, null, 10).size());
        assertEquals(3, events.list(null, List.of(), before, Instant.now().plusSeconds(1), 10).size());
        assertEquals(0, events.list(null, List.of(), null, before, 10).size());

        // in the one trail, with its outcome and the failed login's client
        AuditQuery q = new AuditQuery();
        q.actions = List.of("LOGIN_FAILED");
        AuditRecord failed = trail.search(q).get(0);
        assertEquals(Outcome.FAILURE, failed.outcome);
        assertEquals("10.0.0.9", failed.client);
        assertEquals("USER", failed.objectKind);
        assertEquals(true, trail.verify().intact);
    }

    @Test
    public void theOldLogIsMovedIntoTheTrailWithItsTimesAndEmptied() throws Exception {
        DataSource ds = TestDatabase.fresh();
        AuditTrail trail = trail(ds);
        Instant t = Instant.parse("2026-12-01T08:00:00Z");
        Jdbc.tx(ds, c -> {
            Jdbc.update(c, "INSERT INTO ACCESS_EVENT (EVENT_AT, EVENT, USER_NAME, CLIENT, CHANNEL, ACTOR, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    t, "LOGIN", "clerk", "10.0.0.1", "CONSOLE", null, null);
            return Jdbc.update(c, "INSERT INTO ACCESS_EVENT (EVENT_AT, EVENT, USER_NAME, CLIENT, CHANNEL, ACTOR, DETAIL) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    t.plusSeconds(5), "ROLES_CHANGED", "clerk", null, null, "security", "[clerk] -> [clerk, reviewer]");
        });
        LegacyAccessEvents.move(ds, trail);
        List<AccessEventDTO> moved = new AccessEvents(trail).list("clerk", List.of(), null, null, 10);
        assertEquals(List.of("ROLES_CHANGED", "LOGIN"), moved.stream().map(AccessEventDTO::event).toList());
        assertEquals("2026-12-01T08:00:05Z", moved.get(0).at());
        assertEquals("security", moved.get(0).actor());
        assertEquals(0L, (long) Jdbc.tx(ds, c -> {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM ACCESS_EVENT"); var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        LegacyAccessEvents.move(ds, trail);
        assertEquals("moved once", 2, new AccessEvents(trail).list("clerk", List.of(), null, null, 10).size());
        assertEquals(true, trail.verify().intact);
    }

    @Test
    public void aStrangersNameIsKeptPrintableAndShort() {
        assertEquals("a b", AccessEvents.clean("a\u0000b", 64));
        assertEquals("x".repeat(64), AccessEvents.clean("x".repeat(200), 64));
        assertEquals(" fdp.exe", AccessEvents.clean("\u202Efdp.exe", 64));
    }
}
