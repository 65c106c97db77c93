package org.onewindow.catalog.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

import org.onewindow.catalog.MaterialDTO;

/** A material of one item version. */
@Entity
@Table(name = "CATALOG_MATERIAL")
public class MaterialEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "ITEM_ID")
    ItemEntity item;

    @Column(name = "SEQ")
    int position;

    String code;

    String name;

    @Column(name = "IS_REQUIRED")
    boolean required;

    @Column(name = "LEGAL_BASIS")
    String legalBasis;

    @Column(name = "LICENCE_TYPE")
    String licenceType;

    @Column(name = "DEFICIENCY_ALLOWED")
    boolean deficiencyAllowed;

    static MaterialEntity of(ItemEntity item, int position, MaterialDTO dto) {
        MaterialEntity e = new MaterialEntity();
        e.item = item;
        e.position = position;
        e.code = dto.code;
        e.name = dto.name;
        e.required = dto.required;
        e.legalBasis = dto.legalBasis;
        e.licenceType = dto.licenceType;
        e.deficiencyAllowed = Boolean.TRUE.equals(dto.deficiencyAllowed);
        return e;
    }

    MaterialDTO toDTO() {
        MaterialDTO dto = new MaterialDTO();
        dto.code = code;
        dto.name = name;
        dto.required = required;
        dto.legalBasis = legalBasis;
        dto.licenceType = licenceType;
        // only written when set, so records without it read back as they were written
        dto.deficiencyAllowed = deficiencyAllowed ? Boolean.TRUE : null;
        return dto;
    }
}
