package org.onewindow.replication;

/** A case in the hub's citywide index: where it is and how far it has got, nothing about its applicant. */
public class CaseIndexEntryDTO {
    public String caseNo;
    public String district;
    public String itemCode;
    public String departmentCode;
    public String channel;
    public String status;
    /** The district's journal number of the state the hub has. */
    public long seq;
}
