package org.onewindow.intake;

/** Figures for supervision: "run at most once" (R13) and repeated demands (R14, R3). */
public class IntakeStatisticsDTO {
    public long cases;
    public long openCases;
    /** Cases delivered. */
    public long finished;
    /** Of those, finished with at most one visit to the hall. */
    public long finishedInOneVisit;
    /** finishedInOneVisit / finished, 0 when nothing is finished yet. */
    public double oneVisitShare;
    /** The same item filed again for the same applicant while a case was open. */
    public long repeatFilings;
    /** Materials demanded that the catalog does not list. */
    public long materialViolations;
}
