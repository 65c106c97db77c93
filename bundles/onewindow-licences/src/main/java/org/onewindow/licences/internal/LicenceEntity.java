package org.onewindow.licences.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.LockModeType;
import javax.persistence.Table;

import org.onewindow.citizen.IdType;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.problem.Problem;

/**
 * A licence of the library; private to this bundle, which speaks {@link LicenceDTO}. Rows are
 * written by {@link LicenceRows} (in the caller's transaction or in bulk) and read through JPA.
 */
@Entity
@Table(name = "LICENCE")
public class LicenceEntity {
    @Id
    Long id;

    @Column(name = "TYPE_CODE")
    String type;

    @Column(name = "LICENCE_NO")
    String number;

    @Column(name = "HOLDER_ID_TYPE")
    @Enumerated(EnumType.STRING)
    IdType holderIdType;

    @Column(name = "HOLDER_ID")
    String holderId;

    @Column(name = "HOLDER_NAME")
    String holderName;

    @Column(name = "ISSUER_CODE")
    String issuerCode;

    @Column(name = "ISSUER_NAME")
    String issuerName;

    @Column(name = "ISSUED_ON")
    LocalDate issuedOn;

    @Column(name = "VALID_FROM")
    LocalDate validFrom;

    @Column(name = "VALID_TO")
    LocalDate validTo;

    /** {@code VALID} or {@code REVOKED} as stored; see {@link #statusOn(LocalDate)}. */
    @Enumerated(EnumType.STRING)
    LicenceStatus status;

    @Column(name = "REVOKED_AT")
    Instant revokedAt;

    @Column(name = "REVOCATION_REASON")
    String revocationReason;

    @Column(name = "CASE_NO")
    String caseNo;

    String document;

    @Column(name = "DOCUMENT_REF")
    String documentRef;

    /** How a row just written looks, without reading it back. */
    static LicenceEntity of(LicenceRow r) {
        LicenceEntity e = new LicenceEntity();
        e.type = r.type;
        e.number = r.number;
        e.holderIdType = r.holderIdType;
        e.holderId = r.holderId;
        e.holderName = r.holderName;
        e.issuerCode = r.issuerCode;
        e.issuerName = r.issuerName;
        e.issuedOn = r.issuedOn;
        e.validFrom = r.validFrom;
        e.validTo = r.validTo;
        e.status = r.status;
        e.revocationReason = r.revocationReason;
        e.caseNo = r.caseNo;
        e.document = r.document;
        e.documentRef = r.documentRef;
        return e;
    }

    /** The licence of {@code type} numbered {@code number} (locked for the transaction's update if {@code forUpdate}); else {@code LICENCE_NOT_FOUND}. */
    static LicenceEntity find(EntityManager em, String type, String number, boolean forUpdate) {
        var q = em.createQuery("SELECT l FROM LicenceEntity l WHERE l.type = :t AND l.number = :n", LicenceEntity.class)
                .setParameter("t", type == null ? "" : type.strip()).setParameter("n", number == null ? "" : number.strip());
        if (forUpdate) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return q.getResultList().stream().findFirst()
                .orElseThrow(() -> Problem.notFound("LICENCE_NOT_FOUND", "证照库中没有 " + type + " " + number));
    }

    /** Revoked, expired (the day after {@code validTo}), or valid. */
    LicenceStatus statusOn(LocalDate today) {
        return statusOn(status, validTo, today);
    }

    /** The same for a licence as another library stored it. */
    static LicenceStatus statusOn(LicenceStatus stored, LocalDate validTo, LocalDate today) {
        if (stored == LicenceStatus.REVOKED) {
            return LicenceStatus.REVOKED;
        }
        return validTo != null && validTo.isBefore(today) ? LicenceStatus.EXPIRED : LicenceStatus.VALID;
    }

    LicenceDTO toDTO(LocalDate today, String typeName) {
        LicenceDTO dto = toRecord();
        dto.typeName = typeName;
        dto.status = statusOn(today);
        return dto;
    }

    /** The licence as stored (status {@code VALID} or {@code REVOKED}; expiry is for the reader to judge), as the city hub keeps it. */
    LicenceDTO toRecord() {
        LicenceDTO dto = new LicenceDTO();
        dto.type = type;
        dto.number = number;
        dto.holderIdType = holderIdType;
        dto.holderId = holderId;
        dto.holderName = holderName;
        dto.issuerCode = issuerCode;
        dto.issuerName = issuerName;
        dto.issuedOn = issuedOn.toString();
        dto.validFrom = validFrom.toString();
        dto.validTo = validTo == null ? null : validTo.toString();
        dto.status = status;
        dto.caseNo = caseNo;
        dto.document = document;
        dto.documentRef = documentRef;
        dto.revokedAt = revokedAt == null ? null : revokedAt.toString();
        dto.revocationReason = revocationReason;
        return dto;
    }
}
