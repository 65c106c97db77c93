package org.onewindow.licences;

/** One read of a citizen's licences, as the holder and supervisors see it. */
public class AccessEntryDTO {
    public String at;
    public String actor;
    /** {@code LIST}, {@code VERIFY} or {@code REUSE_CHECK}. */
    public String action;
    public String caseNo;
    public String purpose;
    public String licenceType;
    public String licenceNo;
    /** How many licences the read returned. */
    public int results;
}
