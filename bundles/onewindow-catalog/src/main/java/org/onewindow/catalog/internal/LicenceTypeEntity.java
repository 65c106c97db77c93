package org.onewindow.catalog.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.catalog.LicenceTypeDTO;

/** A licence type; private to this bundle, which speaks {@link LicenceTypeDTO}. */
@Entity
@Table(name = "LICENCE_TYPE")
public class LicenceTypeEntity {
    @Id
    String code;

    String name;

    @Column(name = "HOLDER_KIND")
    @Enumerated(EnumType.STRING)
    LicenceTypeDTO.HolderKind holderKind;

    @Column(name = "VALIDITY_YEARS")
    Integer validityYears;

    @Column(name = "UPDATED_AT")
    Instant updatedAt;

    @Column(name = "UPDATED_BY")
    String updatedBy;

    /** Takes the (validated) fields of {@code dto}; whether anything changed. */
    boolean update(LicenceTypeDTO dto, String actor, Instant now) {
        boolean same = dto.name.equals(name) && dto.holderKind == holderKind
                && java.util.Objects.equals(dto.validityYears, validityYears);
        if (!same) {
            name = dto.name;
            holderKind = dto.holderKind;
            validityYears = dto.validityYears;
            updatedAt = now;
            updatedBy = actor;
        }
        return !same;
    }

    LicenceTypeDTO toDTO() {
        LicenceTypeDTO dto = new LicenceTypeDTO();
        dto.code = code;
        dto.name = name;
        dto.holderKind = holderKind;
        dto.validityYears = validityYears;
        return dto;
    }
}
