package org.onewindow.intake;

import java.util.List;

/** A department system's decision on a case handed over to it, as its callback carries it. */
public class RemoteDecisionDTO {
    public String caseNo;
    /** The key of the delivery being answered. */
    public String deliveryKey;
    public String reference;
    /** {@code APPROVED}, {@code DENIED} or {@code SUPPLEMENT}. */
    public String decision;
    public String resultDocument;
    public String licenceNo;
    public String reason;
    public String legalBasis;
    /** For {@code SUPPLEMENT}: the catalog material codes asked for. */
    public List<String> materials;
    public String decidedBy;
    public String decidedAt;
}
