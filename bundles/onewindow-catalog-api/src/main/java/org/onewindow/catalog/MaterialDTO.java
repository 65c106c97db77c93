package org.onewindow.catalog;

import org.onewindow.problem.MultiLine;

/** A material (申请材料) an applicant hands in for an item. */
public class MaterialDTO {
    /** Unique within its item, e.g. {@code M01}. */
    public String code;
    public String name;
    public Boolean required;
    /** The provision that allows asking for it: no requirement without a legal basis (R3). */
    @MultiLine
    public String legalBasis;
    /** The electronic licence type that can stand in for the paper, if any, e.g. {@code RESIDENT_ID_CARD}. */
    public String licenceType;
    /**
     * Whether a case may be accepted while this material is missing, to be handed in later
     * (容缺受理); absent means no.
     */
    public Boolean deficiencyAllowed;
}
