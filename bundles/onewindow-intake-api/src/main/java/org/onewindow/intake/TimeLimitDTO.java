package org.onewindow.intake;

import java.util.List;

/** A case's time limit in working days of the official calendar (法定时限). */
public class TimeLimitDTO {
    /** yyyy-MM-dd */
    public String acceptedOn;
    /** The last working day on which the case is decided in time, yyyy-MM-dd. */
    public String deadline;
    /** Working days of suspension (补正) that moved the deadline. */
    public int suspendedDays;
    /** Since when the clock stands still, while a supplement is awaited. */
    public String suspendedSince;
    /** Working days added by extensions (延期). */
    public int extendedDays;
    /** yyyy-MM-dd, once decided. */
    public String decidedOn;
    /** Working days used until the decision, suspensions not counted. */
    public Integer workingDaysUsed;
    public Boolean inTime;
    /** Years without an official holiday schedule that the deadline reaches into: counted as weekends only. */
    public List<Integer> calendarGaps;
}
