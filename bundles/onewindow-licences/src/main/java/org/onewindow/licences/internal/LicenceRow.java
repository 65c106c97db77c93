package org.onewindow.licences.internal;

import java.time.LocalDate;

import org.onewindow.citizen.IdType;
import org.onewindow.licences.LicenceStatus;

/** A checked licence ready to be written: what {@link LicenceRows#check} makes of a {@code NewLicenceDTO}. */
final class LicenceRow {
    String type;
    String number;
    IdType holderIdType;
    String holderId;
    String holderName;
    String issuerCode;
    String issuerName;
    LocalDate issuedOn;
    LocalDate validFrom;
    LocalDate validTo;
    LicenceStatus status;
    String revocationReason;
    String caseNo;
    String document;
    String documentRef;

    String key() {
        return type + " " + number;
    }
}
