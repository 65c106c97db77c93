package org.onewindow.intake;

/** Case figures of one item (事项) of one department, for supervision's statistics. */
public class ItemStatisticsDTO {
    public String departmentCode;
    public String departmentName;
    public String itemCode;
    public String itemName;
    /** Cases accepted (受理), whatever happened next. */
    public long accepted;
    /** Of those, decided (approved, denied or handed out at once for instant items). */
    public long decided;
    /** Of the decided, decided on or before their deadline. */
    public long decidedInTime;
    /** Working days used by the decided cases, suspensions not counted. */
    public long workingDaysUsed;
    /** Accepted cases of instant items (即办件). */
    public long instant;
    /** Cases handed out (delivered). */
    public long delivered;
    /** Of those, with at most one visit to the hall. */
    public long deliveredInOneVisit;
    /** Of those, without any visit (applied online, result sent by post: 零跑动). */
    public long deliveredWithoutVisit;
    /** Accepted cases that came in online (channel {@code ONLINE}). */
    public long online;
}
