package org.onewindow.db.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;

import org.junit.Test;
import org.onewindow.db.JournalHold;

/** When new cases wait for the city hub: at a federated start (bounded, or not on a data/ marked restored), and while rewound. */
public class JournalStandingTest {
    private final Instant start = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    public void aFederatedStartWaitsForTheHubAtMostTheGivenSeconds() {
        JournalStanding s = new JournalStanding(30, null, null, false, start, false);
        JournalHold hold = s.hold(start.plusSeconds(5));
        assertEquals(JournalHold.HUB_CHECK_PENDING, hold.code());
        assertTrue(hold.message(), hold.message().contains("市级枢纽"));
        assertNull("the hub did not answer: the hall goes on", s.hold(start.plusSeconds(30)));
        assertNull("the hub answered", s.confirmed(true).hold(start.plusSeconds(5)));
    }

    @Test
    public void aNodeNotFederatedOrNotWaitingNeverHolds() {
        assertNull(new JournalStanding(null, null, null, false, start, false).hold(start));
        assertNull(new JournalStanding(0, null, null, false, start, false).hold(start));
    }

    @Test
    public void aDataMarkedRestoredWaitsForTheHubHoweverLong() {
        JournalStanding s = new JournalStanding(30, null, null, true, start, false);
        assertEquals(JournalHold.HUB_CHECK_PENDING, s.hold(start.plusSeconds(3600)).code());
        assertNull(s.confirmed(true).hold(start.plusSeconds(3600)));
        assertNull("a district with no hub has nobody to ask", new JournalStanding(null, null, null, true, start, false).hold(start));
    }

    @Test
    public void aRewoundJournalHoldsUntilReconciledWhateverElse() {
        JournalStanding s = new JournalStanding(30, start, "behind", false, start, true);
        assertEquals(JournalHold.RESTORE_RECONCILING, s.hold(start.plusSeconds(86400)).code());
        assertEquals(JournalHold.RESTORE_RECONCILING, s.confirmed(true).hold(start).code());
        assertNull(s.rewound(null, null).confirmed(true).hold(start));
    }
}
