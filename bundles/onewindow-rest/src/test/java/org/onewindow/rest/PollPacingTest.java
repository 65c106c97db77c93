package org.onewindow.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.junit.Test;

public class PollPacingTest {
    private final PollPacing pacing = new PollPacing(500, 8_000, new Backoff(1000, 10_000, () -> 0.0), () -> 0.0);

    @Test
    public void idleLooksDoubleUpToTheCapAndWorkStartsAgainFromTheInterval() {
        assertEquals(500, pacing.idle());
        assertEquals(1000, pacing.idle());
        assertEquals(2000, pacing.idle());
        assertEquals(4000, pacing.idle());
        assertEquals(8000, pacing.idle());
        assertEquals(8000, pacing.idle());
        assertEquals(500, pacing.worked());
        assertEquals(500, pacing.idle());
        pacing.failed(new IllegalStateException("database"));
        assertEquals("a failure ends the idle streak", 500, pacing.idle());
    }

    @Test
    public void failuresBackOffAndAStorageFaultLonger() {
        assertEquals(500, pacing.failed(new IllegalStateException("hub down")));
        assertEquals(1000, pacing.failed(new IllegalStateException("hub down")));
        assertEquals(2, pacing.failures());
        pacing.worked();
        assertEquals(0, pacing.failures());
        RuntimeException full = new RuntimeException(new SQLException("page not written", "XSDG1"));
        long first = pacing.failed(full);
        assertEquals(PollPacing.STORAGE_BASE_MILLIS / 2, first);
        for (int i = 0; i < 30; i++) {
            assertTrue(pacing.failed(new UncheckedIOException(new IOException("No space left on device"))) <= PollPacing.STORAGE_MAX_MILLIS);
        }
        assertEquals(PollPacing.STORAGE_MAX_MILLIS / 2, pacing.failed(full));
    }

    /**
     * StorageFaultsIT: the relay read its outbox between the writes that failed (reads succeed, Derby booting the
     * database again for them), and each read started its storage backoff again from 5 s.
     */
    @Test
    public void theStorageBackoffGoesOnAcrossSuccessesUntilAMinuteWithoutAStorageFault() {
        long[] now = {0};
        PollPacing loop = new PollPacing(500, 8_000, new Backoff(1000, 10_000, () -> 1.0), () -> 1.0, () -> now[0]);
        RuntimeException down = new IllegalStateException(new SQLException("No current connection.", "08003"));
        assertEquals(5_000, loop.failed(down));
        now[0] += 5_000_000_000L;
        loop.worked();
        assertEquals("doubling on after a look that worked", 10_000, loop.failed(down));
        now[0] += 10_000_000_000L;
        loop.idle();
        assertEquals(20_000, loop.failed(down));
        assertEquals("an ordinary failure keeps its own backoff", 1_000, new PollPacing(500, 8_000, new Backoff(1000, 10_000, () -> 1.0),
                () -> 1.0, () -> now[0]).failed(new IllegalStateException("hub down")));
        now[0] += 61_000_000_000L;
        assertEquals("a minute without one: from the start", 5_000, loop.failed(down));
    }
}
