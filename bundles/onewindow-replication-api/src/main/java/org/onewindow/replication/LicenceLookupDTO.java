package org.onewindow.replication;

/** A district asking the city hub for a licence another district holds (R9); the hub logs who asked and why. */
public class LicenceLookupDTO {
    public String type;
    public String number;
    /** Why the licence is read: a case of the asking district, or a stated purpose (at least one). */
    public String caseNo;
    public String purpose;
    /** Who asked at the district. */
    public String actor;
}
