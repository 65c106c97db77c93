package org.onewindow.licences;

import org.onewindow.citizen.IdType;

/**
 * A licence to put into the library: one row of a bulk import file (a JSON array of these), or an
 * issuance by an approval. Dates are {@code yyyy-MM-dd}.
 */
public class NewLicenceDTO {
    public String type;
    public String number;
    /** Absent: {@code RESIDENT_ID}. */
    public IdType holderIdType;
    public String holderId;
    public String holderName;
    public String issuerCode;
    public String issuerName;
    public String issuedOn;
    /** Absent: the issue day. */
    public String validFrom;
    /** Absent: from the licence type's validity in years, or without end if the type has none. */
    public String validTo;
    /** Absent: {@code VALID}. An import may load {@code REVOKED} ones with a reason; expiry comes from {@code validTo}. */
    public LicenceStatus status;
    public String revocationReason;
    public String caseNo;
    public String document;
    public String documentRef;
}
