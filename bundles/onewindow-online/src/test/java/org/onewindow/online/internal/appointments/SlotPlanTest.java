package org.onewindow.online.internal.appointments;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalTime;
import java.util.List;

import org.junit.Test;

public class SlotPlanTest {

    @Test
    public void openingHoursAreCutIntoWholeSlots() {
        SlotPlan plan = new SlotPlan("09:00-12:00, 13:30-17:15", 30, 12, 4, "GA=6, ZR=3, JT=20");
        List<LocalTime> starts = plan.starts();
        assertEquals(6 + 7, starts.size());
        assertEquals(LocalTime.of(9, 0), starts.get(0));
        assertEquals(LocalTime.of(11, 30), starts.get(5));
        assertEquals("the last quarter hour is no slot", LocalTime.of(16, 30), starts.get(starts.size() - 1));
        assertEquals(LocalTime.of(17, 0), plan.end(LocalTime.of(16, 30)));
        assertTrue(plan.slot("13:30").isPresent());
        assertFalse(plan.slot("13:45").isPresent());
        assertFalse(plan.slot("12:00").isPresent());
        assertFalse(plan.slot("nonsense").isPresent());
        assertFalse(plan.slot(null).isPresent());
    }

    @Test
    public void groupsHoldTheirOwnCapacityNeverMoreThanTheHall() {
        SlotPlan plan = new SlotPlan("09:00-12:00", 30, 12, 4, "GA=6, ZR=3, JT=20");
        assertEquals(6, plan.capacity("GA"));
        assertEquals(3, plan.capacity("ZR"));
        assertEquals(4, plan.capacity("MZ"));
        assertEquals(12, plan.capacity("JT"));
        assertEquals(12, plan.hallCapacity());
    }

    @Test
    public void aWrongConfigurationIsNamed() {
        for (String[] bad : new String[][] {{"9-12", ""}, {"12:00-09:00", ""}, {"13:00-17:00,09:00-12:00", ""}, {"09:00-09:20", ""},
            {"09:00-12:00", "GA"}, {"09:00-12:00", "GA=0"}, {"09:00-12:00", "GA=x"}}) {
            try {
                new SlotPlan(bad[0], 30, 12, 4, bad[1]);
                fail("accepted " + String.join(" / ", bad));
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("hallHours") || expected.getMessage().contains("groupCapacities")
                        || expected.getMessage().contains("slot"));
            }
        }
    }
}
