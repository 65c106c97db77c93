package org.onewindow.intake;

/** A demand beyond the catalog (R3) or a repeated filing, recorded for supervision. */
public class ViolationDTO {
    public long id;
    /** {@code MATERIAL_NOT_IN_CATALOG} or {@code REPEAT_FILING}. */
    public String kind;
    public String caseNo;
    public String itemCode;
    public String detail;
    /** Who made the demand. */
    public String actor;
    public String at;
}
