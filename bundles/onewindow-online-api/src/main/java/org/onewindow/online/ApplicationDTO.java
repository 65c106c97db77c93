package org.onewindow.online;

import java.util.List;

import org.onewindow.intake.CaseStatus;

/** An online application as the citizen and pre-review see it. */
public class ApplicationDTO {
    public String caseNo;
    public String itemCode;
    public String itemName;
    public String departmentName;
    public ApplicationState state;
    /** The case's status at intake. */
    public CaseStatus caseStatus;
    public String applicantName;
    /** Masked. */
    public String applicantId;
    public DeliveryChoiceDTO delivery;
    /** Every material of the item: whether it is there, and how (uploaded, from the licence library). */
    public List<MaterialStateDTO> materials;
    /** The latest return's notice, while returned. */
    public ReturnDTO returned;
    public String rejectReason;
    /** For an item with a fee, once pre-review passed: its payment order. */
    public PaymentOrderDTO payment;
    public String createdAt;
    public String submittedAt;
    public String reviewedAt;
    public String reviewedBy;
    /** What the citizen should do next, in words. */
    public String nextStep;
}
