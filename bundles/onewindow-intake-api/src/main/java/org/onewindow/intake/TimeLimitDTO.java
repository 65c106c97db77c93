package org.onewindow.intake;

import java.util.List;

/** A case's time limit in working days of the official calendar: the item's promised limit (承诺时限), moved by suspensions and extensions. */
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
    /** How many extensions were granted; the item's rule limits them (art. 42 of the Administrative Licensing Law: one). */
    public int extensions;
    /** The day of the last extension, yyyy-MM-dd; absent before one, and for cases extended before it was kept. */
    public String extendedOn;
    /** yyyy-MM-dd, once decided. */
    public String decidedOn;
    /** Working days used until the decision, suspensions not counted. */
    public Integer workingDaysUsed;
    public Boolean inTime;
    /**
     * Years without a published holiday schedule that the deadline reaches into: counted with weekends and the
     * holidays the national rules fix, but without the makeup days (调休) not yet announced.
     */
    public List<Integer> calendarGaps;
}
