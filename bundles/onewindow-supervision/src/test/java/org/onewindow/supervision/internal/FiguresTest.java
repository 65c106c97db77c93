package org.onewindow.supervision.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;
import org.onewindow.intake.ItemStatisticsDTO;
import org.onewindow.supervision.FiguresDTO;
import org.onewindow.supervision.StatisticsDTO;

public class FiguresTest {

    private static ItemStatisticsDTO row(String dept, String item, long accepted, long online, long delivered, long oneVisit, long zeroVisit) {
        ItemStatisticsDTO r = new ItemStatisticsDTO();
        r.departmentCode = dept;
        r.departmentName = dept;
        r.itemCode = item;
        r.itemName = item;
        r.accepted = accepted;
        r.online = online;
        r.delivered = delivered;
        r.deliveredInOneVisit = oneVisit;
        r.deliveredWithoutVisit = zeroVisit;
        return r;
    }

    @Test
    public void onlineAndZeroVisitSharesAddUpByItemDepartmentAndHall() {
        StatisticsDTO s = Figures.of(List.of(row("RS", "RS-1", 10, 4, 8, 8, 2), row("RS", "RS-2", 10, 0, 0, 0, 0),
                row("GA", "GA-1", 20, 10, 10, 6, 5)));
        FiguresDTO rs = s.departments.get(0);
        assertEquals(4, rs.online);
        assertEquals(0.2, rs.onlineShare, 1e-9);
        assertEquals(0.25, rs.zeroVisitShare, 1e-9);
        assertEquals(0.4, rs.items.get(0).onlineShare, 1e-9);
        assertNull("nothing delivered, no share", rs.items.get(1).zeroVisitShare);
        assertEquals(14.0 / 40, s.total.onlineShare, 1e-9);
        assertEquals(7.0 / 18, s.total.zeroVisitShare, 1e-9);
    }
}
