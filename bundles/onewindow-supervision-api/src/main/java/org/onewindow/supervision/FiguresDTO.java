package org.onewindow.supervision;

import java.util.List;

/** Case figures of a department, an item, or the hall. */
public class FiguresDTO {
    public String code;
    public String name;
    public long accepted;
    public long decided;
    public long decidedInTime;
    /** decidedInTime / decided; null while nothing is decided. */
    public Double inTimeRate;
    /** Working days from acceptance to decision, suspensions not counted; null while nothing is decided. */
    public Double averageWorkingDays;
    /** Accepted cases of instant items (即办件) / accepted. */
    public Double instantShare;
    public long delivered;
    /** Delivered with at most one visit to the hall / delivered (最多跑一次). */
    public Double oneVisitShare;
    /** Delivered without any visit / delivered (零跑动: applied online, result posted). */
    public Double zeroVisitShare;
    /** Accepted cases that came in online. */
    public long online;
    /** online / accepted (网上办理率). */
    public Double onlineShare;
    /** For a department: its items. */
    public List<FiguresDTO> items;
}
