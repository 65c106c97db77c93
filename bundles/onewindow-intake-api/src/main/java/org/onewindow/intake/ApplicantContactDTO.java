package org.onewindow.intake;

/**
 * The phone recorded for the applicant on one of their cases, and how that case was taken in: what
 * the online channel needs to decide whether a clerk saw the applicant's ID card when it was noted.
 */
public class ApplicantContactDTO {
    public String caseNo;
    public Channel channel;
    /** As the clerk noted it: not necessarily a mobile. */
    public String phone;
    /** Whether an agent (代办人) brought the case, so that the applicant was not there in person. */
    public boolean byAgent;
    /** For a case another district accepted and handed over (全市通办): that district; null for this hall's own. */
    public String originDistrict;
    /** When and by whom the case was opened (instant, user name). */
    public String createdAt;
    public String createdBy;
}
