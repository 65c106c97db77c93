package org.onewindow.queue.internal.floor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.onewindow.queue.QueueGroupDTO;

/**
 * A demo appliance's hall floor, made once when it has no queue groups: the lanes a district hall typically runs for the
 * demo catalog's departments, a priority lane, and eight windows.
 */
public final class DemoHall {
    public static final List<QueueGroupDTO> GROUPS = List.of(
            new QueueGroupDTO("GENERAL", "A", "综合受理", false, List.of(), List.of()),
            new QueueGroupDTO("PROPERTY", "B", "不动产登记", false, List.of("ZR", "ZJ"), List.of()),
            new QueueGroupDTO("SOCIAL", "C", "社保医保公积金", false, List.of("RS", "YB", "GJJ"), List.of()),
            new QueueGroupDTO("POLICE", "D", "公安户政", false, List.of("GA", "JT"), List.of()),
            new QueueGroupDTO("BUSINESS", "E", "企业开办", false, List.of("SJ", "SW"), List.of()),
            new QueueGroupDTO("PRIORITY", "V", "绿色通道", true, List.of(), List.of()));
    /** Window number and the groups it serves. */
    public static final List<List<String>> WINDOWS = List.of(List.of("GENERAL", "PRIORITY"), List.of("GENERAL"), List.of("GENERAL"),
            List.of("PROPERTY"), List.of("PROPERTY", "GENERAL"), List.of("SOCIAL"), List.of("POLICE", "PRIORITY"), List.of("BUSINESS"));

    private DemoHall() {
    }

    public static void fill(Connection c, Instant now) throws SQLException {
        if (!HallStore.groups(c).isEmpty()) {
            return;
        }
        for (QueueGroupDTO g : GROUPS) {
            HallStore.saveGroup(c, g);
        }
        for (int i = 0; i < WINDOWS.size(); i++) {
            HallStore.saveWindow(c, i + 1, WINDOWS.get(i), now);
        }
    }
}
