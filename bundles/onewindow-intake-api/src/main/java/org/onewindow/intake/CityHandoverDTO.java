package org.onewindow.intake;

/** A case another district hands over through the city hub, to be decided where its department is (全市通办). */
public class CityHandoverDTO {
    /** The accepting district, whose window took the case in and hands the result out. */
    public String fromDistrict;
    /** The accepting district's delivery; the decision answers it. */
    public String deliveryKey;
    /** {@code CASE} for the first handover, {@code SUPPLEMENT} once the applicant brought what was asked for. */
    public String purpose;
    /** The case as the accepting district has it (no pickup code). */
    public CaseDTO caseFile;
}
