package org.onewindow.intake;

/** The time-limit view of one open case: what supervision colours it by. */
public class ClockDTO {
    public String caseNo;
    public String itemCode;
    public String itemName;
    public String departmentCode;
    public String departmentName;
    public CaseStatus status;
    /** The clerk who took the case in. */
    public String clerk;
    /** The reviewer who last acted on it, if any. */
    public String reviewer;
    /** yyyy-MM-dd */
    public String acceptedOn;
    /** The last working day of the time limit, yyyy-MM-dd, moved by suspensions and extensions. */
    public String deadline;
    /** The promised working days plus extensions. */
    public int allowedDays;
    /** While a supplement is awaited: since when the clock stands still (yyyy-MM-dd), else null. */
    public String suspendedSince;
}
