package org.onewindow.access.internal.events;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.onewindow.access.internal.TestDatabase;

public class AccessEventsTest {

    @Test
    public void eventsAreReadNewestFirstByUserKindAndTime() throws Exception {
        AccessEvents events = new AccessEvents(TestDatabase.fresh());
        Instant t = Instant.parse("2026-12-06T08:00:00Z");
        events.record(t, AccessEvent.LOGIN_FAILED, "admin", "10.0.0.9", "CONSOLE", null, null);
        events.record(t.plusSeconds(1), AccessEvent.LOGIN, "admin", "10.0.0.20", "CONSOLE", null, null);
        events.record(t.plusSeconds(2), AccessEvent.USER_CREATED, "wang", null, null, "security", "roles [clerk]");
        assertEquals(List.of("USER_CREATED", "LOGIN", "LOGIN_FAILED"), events.list(null, List.of(), null, null, 10).stream().map(AccessEventDTO::event).toList());
        assertEquals(2, events.list("admin", List.of(), null, null, 10).size());
        assertEquals(1, events.list(null, List.of(AccessEvent.LOGIN_FAILED), null, null, 10).size());
        assertEquals(1, events.list(null, List.of(), t.plusSeconds(1), t.plusSeconds(2), 10).size());
    }

    @Test
    public void aStrangersNameIsKeptPrintableAndShort() {
        assertEquals("a b", AccessEvents.clean("a\u0000b", 64));
        assertEquals("x".repeat(64), AccessEvents.clean("x".repeat(200), 64));
        assertEquals(" fdp.exe", AccessEvents.clean("\u202Efdp.exe", 64));
    }
}
