package org.onewindow.queue.internal.floor;

import java.util.List;
import java.util.Optional;

import org.onewindow.queue.QueueGroupDTO;

/**
 * Which group serves an item: the (non-priority) group naming the item; else the one naming its department; else one
 * naming neither (综合受理, the general windows, which take in any item of the catalog).
 */
public final class GroupFinder {
    private GroupFinder() {
    }

    static Optional<QueueGroupDTO> forItem(List<QueueGroupDTO> groups, String itemCode, String departmentCode) {
        List<QueueGroupDTO> lanes = groups.stream().filter(g -> !g.priority()).toList();
        return lanes.stream().filter(g -> g.items().contains(itemCode)).findFirst()
                .or(() -> lanes.stream().filter(g -> g.departments().contains(departmentCode)).findFirst())
                .or(() -> lanes.stream().filter(g -> g.items().isEmpty() && g.departments().isEmpty()).findFirst());
    }
}
