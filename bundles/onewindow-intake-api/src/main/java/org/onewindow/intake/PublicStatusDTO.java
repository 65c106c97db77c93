package org.onewindow.intake;

import java.util.List;

/**
 * What a kiosk or the citizen may see of a case, given its number and the last six characters of
 * the applicant's ID number: where it stands and what to do next, nothing about the applicant.
 */
public class PublicStatusDTO {
    public String caseNo;
    public String itemCode;
    public String itemName;
    public String departmentName;
    public CaseStatus status;
    public String acceptedOn;
    public String deadline;
    public String decidedOn;
    /** While {@code SUPPLEMENT_REQUESTED}: the names of the materials to bring. */
    public List<String> supplementMaterials;
    /** For a result sent by post: carrier and tracking number. */
    public String carrier;
    public String trackingNo;
}
