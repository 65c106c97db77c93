package org.onewindow.supervision.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.intake.ItemStatisticsDTO;
import org.onewindow.supervision.FiguresDTO;
import org.onewindow.supervision.StatisticsDTO;

/** Adds up item figures into departments and the hall, and works out the rates. */
final class Figures {
    private final String code;
    private final String name;
    private long accepted;
    private long decided;
    private long decidedInTime;
    private long workingDaysUsed;
    private long instant;
    private long delivered;
    private long deliveredInOneVisit;
    private long deliveredWithoutVisit;
    private long online;
    private final List<Figures> items = new ArrayList<>();

    private Figures(String code, String name) {
        this.code = code;
        this.name = name;
    }

    static StatisticsDTO of(List<ItemStatisticsDTO> rows) {
        Map<String, Figures> departments = new LinkedHashMap<>();
        Figures total = new Figures("ALL", "全部");
        for (ItemStatisticsDTO row : rows) {
            Figures dept = departments.computeIfAbsent(row.departmentCode, c -> new Figures(c, row.departmentName));
            Figures item = new Figures(row.itemCode, row.itemName);
            item.add(row);
            dept.items.add(item);
            dept.add(row);
            total.add(row);
        }
        StatisticsDTO out = new StatisticsDTO();
        out.total = total.toDTO();
        out.departments = new ArrayList<>();
        departments.values().forEach(d -> out.departments.add(d.toDTO()));
        return out;
    }

    private void add(ItemStatisticsDTO row) {
        accepted += row.accepted;
        decided += row.decided;
        decidedInTime += row.decidedInTime;
        workingDaysUsed += row.workingDaysUsed;
        instant += row.instant;
        delivered += row.delivered;
        deliveredInOneVisit += row.deliveredInOneVisit;
        deliveredWithoutVisit += row.deliveredWithoutVisit;
        online += row.online;
    }

    private FiguresDTO toDTO() {
        FiguresDTO f = new FiguresDTO();
        f.code = code;
        f.name = name;
        f.accepted = accepted;
        f.decided = decided;
        f.decidedInTime = decidedInTime;
        f.inTimeRate = share(decidedInTime, decided);
        f.averageWorkingDays = share(workingDaysUsed, decided);
        f.instantShare = share(instant, accepted);
        f.delivered = delivered;
        f.oneVisitShare = share(deliveredInOneVisit, delivered);
        f.zeroVisitShare = share(deliveredWithoutVisit, delivered);
        f.online = online;
        f.onlineShare = share(online, accepted);
        if (!items.isEmpty()) {
            f.items = new ArrayList<>();
            items.forEach(i -> f.items.add(i.toDTO()));
        }
        return f;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
