package org.onewindow.online;

import java.util.List;

import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;

/** One of a citizen's cases as they see it: no staff names, no other party's data. */
public class CitizenCaseDTO {
    public String caseNo;
    public String itemCode;
    public String itemName;
    public String departmentName;
    public Channel channel;
    public CaseStatus status;
    public String createdAt;
    public String acceptedOn;
    public String deadline;
    public String decidedOn;
    /** For a denial: the reason and legal basis. */
    public String denialReason;
    public String legalBasis;
    /** While a supplement is asked: the materials to bring. */
    public List<String> supplementMaterials;
    /** {@code WINDOW} or {@code POST}, once delivered; for post, carrier and tracking number. */
    public String deliveryMethod;
    public String carrier;
    public String trackingNo;
    /** Steps of the case: when, to which status, and the note. */
    public List<StepDTO> history;
    /** What to do next, in words. */
    public String nextStep;

    /** One step of the history. */
    public static class StepDTO {
        public String at;
        public CaseStatus status;
        public String note;
    }
}
