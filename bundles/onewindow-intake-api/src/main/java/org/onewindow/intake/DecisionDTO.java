package org.onewindow.intake;

import org.onewindow.problem.MultiLine;

/** The back office's decision on a case under review (审批决定). */
public class DecisionDTO {
    /** {@code APPROVED} or {@code DENIED}. */
    public CaseStatus outcome;
    /** For an approval: the result handed out, such as the licence or decision document's title. */
    public String resultDocument;
    /**
     * For an approval that issues a licence: its number. When the item's result is a licence and
     * none is given, the case number is the licence number.
     */
    public String licenceNo;
    /** For an approval that issues a licence: its last valid day ({@code yyyy-MM-dd}); absent, the licence type's validity. */
    public String licenceValidTo;
    /** For a denial: why (required). */
    public String reason;
    /** For a denial: the legal basis (required). */
    public String legalBasis;
    @MultiLine
    public String note;
}
