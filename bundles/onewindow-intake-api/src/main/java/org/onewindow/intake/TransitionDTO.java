package org.onewindow.intake;

/** A request to move a case: where to, and what that step needs. */
public class TransitionDTO {
    public CaseStatus to;
    public String note;
    /** Why a case is not accepted or denied; required for {@code REJECTED} and {@code DENIED}. */
    public String reason;
    /** For {@code DELIVERED} at the window: the collector's ID number (applicant or agent), or the pickup code. */
    public String collectorIdNumber;
    public String pickupCode;
    /** For {@code DELIVERED} by post. */
    public String carrier;
    public String trackingNo;
}
