package org.onewindow.intake.internal.cases;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.ViolationDTO;

/** Something the supervision board counts: a repeated filing (R14) or a material demanded beyond the catalog (R3). */
@Entity
@Table(name = "INTAKE_FLAG")
public class IntakeFlagEntity {
    public static final String REPEAT_FILING = "REPEAT_FILING";
    public static final String MATERIAL_NOT_IN_CATALOG = "MATERIAL_NOT_IN_CATALOG";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String kind;

    @Column(name = "CASE_NO")
    String caseNo;

    @Column(name = "ITEM_CODE")
    String itemCode;

    String detail;

    String actor;

    @Column(name = "EVENT_AT")
    Instant at;

    public static IntakeFlagEntity of(String kind, String caseNo, String itemCode, String detail, String actor) {
        IntakeFlagEntity e = new IntakeFlagEntity();
        e.kind = kind;
        e.caseNo = caseNo;
        e.itemCode = itemCode;
        e.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        e.actor = actor;
        e.at = InstantColumns.now();
        return e;
    }

    public ViolationDTO toDTO() {
        ViolationDTO dto = new ViolationDTO();
        dto.id = id;
        dto.kind = kind;
        dto.caseNo = caseNo;
        dto.itemCode = itemCode;
        dto.detail = detail;
        dto.actor = actor;
        dto.at = at.toString();
        return dto;
    }
}
