package org.onewindow.intake;

import java.util.List;

/** A case (办件) as the window and back office see it. */
public class CaseDTO {
    /** {@code <districtCode>-<yyyyMMdd>-<sequence>}, unique citywide. */
    public String caseNo;
    public String itemCode;
    /** The catalog version the case was taken in under, and keeps. */
    public int itemVersion;
    public String itemName;
    public String departmentCode;
    public String departmentName;
    public int timeLimitDays;
    public Channel channel;
    public CaseStatus status;
    public PartyDTO applicant;
    public PartyDTO agent;
    public List<CaseMaterialDTO> materials;
    /** Required materials not yet received: what the one-time notice lists. */
    public List<CaseMaterialDTO> missingMaterials;
    /** Things the clerk should know, such as another open case of the same item. */
    public List<String> warnings;
    /** Times the applicant came to the hall for this case. */
    public int visits;
    /** The code the applicant shows to collect the result (取件码). */
    public String pickupCode;
    public DeliveryDTO delivery;
    /** The time limit: acceptance day, deadline and what moved it. Null before acceptance. */
    public TimeLimitDTO timeLimit;
    /** How the owning department decides, once the case was handed over to it. */
    public Route route;
    /** The back office's result, once decided. */
    public DecisionDTO decision;
    /** Materials the back office asked for (补正), while awaited. */
    public List<String> supplementMaterials;
    /**
     * For a case another district accepted and handed over through the city hub to be decided here
     * (全市通办): that district's code; the case keeps its number, and its window hands the result out.
     */
    public String originDistrict;
    /** For such a case: the accepting district's delivery this appliance answers. */
    public String originDelivery;
    public String createdAt;
    public String createdBy;
    public List<HistoryEntryDTO> history;
    /** The transitions allowed from the current status. */
    public List<CaseStatus> next;
    /**
     * Whether the window may still take materials (and their scans) for the case in its status: while it is taken in,
     * after acceptance (materials accepted without, 容缺), in review and on a supplement; the full view only.
     */
    public boolean receiving;
}
