package org.onewindow.licences;

import org.onewindow.citizen.IdType;

/** An electronic licence as the library holds it; dates are {@code yyyy-MM-dd}. */
public class LicenceDTO {
    /** The licence type code of the catalog, e.g. {@code FOOD_BUSINESS_LICENCE}. */
    public String type;
    public String typeName;
    public String number;
    public IdType holderIdType;
    public String holderId;
    public String holderName;
    public String issuerCode;
    public String issuerName;
    public String issuedOn;
    public String validFrom;
    /** Absent: valid without end (长期有效). */
    public String validTo;
    /** As of today: expiry is judged at every read. */
    public LicenceStatus status;
    /** The case whose approval issued it; absent for imported ones. */
    public String caseNo;
    /** The document: the title of the generated result, or what the import named (a scanned file). */
    public String document;
    /** Where the document is: a file reference of the issuer, or {@code case:<caseNo>}. */
    public String documentRef;
    public String revokedAt;
    public String revocationReason;
    /** The district whose library holds it, when found through the city hub; absent: this district's own. */
    public String heldAt;
}
