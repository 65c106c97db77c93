package org.onewindow.intake;

/** The back office's decision on a case under review (审批决定). */
public class DecisionDTO {
    /** {@code APPROVED} or {@code DENIED}. */
    public CaseStatus outcome;
    /** For an approval: the result handed out, such as the licence or decision document's title. */
    public String resultDocument;
    /** For an approval that issues a licence: its number. */
    public String licenceNo;
    /** For a denial: why (required). */
    public String reason;
    /** For a denial: the legal basis (required). */
    public String legalBasis;
    public String note;
}
