package org.onewindow.intake;

import org.onewindow.problem.MultiLine;

/** A request to move a case: where to, and what that step needs. */
public class TransitionDTO {
    public CaseStatus to;
    @MultiLine
    public String note;
    /**
     * For {@code ACCEPTED}: missing materials the clerk accepts the case without (容缺受理); only
     * materials the catalog marks {@code deficiencyAllowed} may be listed.
     */
    public java.util.List<String> deficient;
    /** Why a case is not accepted or denied; required for {@code REJECTED} and {@code DENIED}. */
    public String reason;
    /** For {@code DELIVERED} at the window: the collector's ID number (applicant or agent), or the pickup code. */
    public String collectorIdNumber;
    public String pickupCode;
    /** For {@code DELIVERED} by post. */
    public String carrier;
    public String trackingNo;
}
