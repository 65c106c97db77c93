package org.onewindow.replication;

/** A case an accepting district hands through the hub to the district that decides it (全市通办). */
public class HubHandoverDTO {
    public String toDistrict;
    /** The accepting district's delivery: one message per key, however often it is sent. */
    public String deliveryKey;
    /** The case number; it must be the sender's. */
    public String caseNo;
    /** {@code CASE} or {@code SUPPLEMENT}. */
    public String purpose;
    /** The case and its scanned files, as JSON the receiving district reads. */
    public String payload;
}
