package org.onewindow.licences;

/**
 * A material a holder handed in for an earlier case, still recent enough to be reused in a new one
 * with the clerk's confirmation (历史办事数据复用).
 */
public class EarlierMaterialDTO {
    public String caseNo;
    public String itemCode;
    public String itemName;
    public String materialCode;
    public String materialName;
    /** The licence type the material stands for, if any: how it is matched to a new case's materials. */
    public String licenceType;
    public String receivedAt;
    /** The last day it may be reused. */
    public String reusableUntil;
}
