package org.onewindow.intake;

/** A material of the case's pinned catalog version, and whether the window has it. */
public class CaseMaterialDTO {
    public String code;
    public String name;
    public boolean required;
    public String legalBasis;
    public boolean received;
    /** The catalog allows accepting the case without it, to be handed in later (容缺受理). */
    public boolean deficiencyAllowed;
    /** The case was accepted without it: it is owed (容缺). */
    public boolean owed;
    /** The licence type that can stand in for the paper, from the catalog. */
    public String licenceType;
    /** Where the received material came from; absent while not received. */
    public MaterialSource source;
    /** For {@link MaterialSource#LICENCE}: the licence that stands in for the paper. */
    public String licenceNo;
    /** For {@link MaterialSource#EARLIER_CASE}: the case that received it. */
    public String fromCaseNo;
}
