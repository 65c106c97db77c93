package org.onewindow.intake;

/** One delivery of a case to its owning department, kept in the transactional outbox. */
public class HandoverDTO {
    public long id;
    public String caseNo;
    public String departmentCode;
    /** Unique per delivery; the department treats a repeat with the same key as the same delivery. */
    public String deliveryKey;
    /** {@code CASE} for the first handover, {@code SUPPLEMENT} after the applicant brought a supplement. */
    public String purpose;
    public HandoverState state;
    public int attempts;
    public String nextAttemptAt;
    public String lastError;
    public String createdAt;
    public String doneAt;
    /** The department system's own reference, once handed over remotely. */
    public String remoteReference;
}
