package org.onewindow.intake.internal;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A catalog material the window received for a case. */
@Entity
@Table(name = "CASE_MATERIAL")
public class CaseMaterialEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "CASE_ID")
    CaseEntity caseFile;

    String code;

    @Column(name = "RECEIVED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date receivedAt;

    @Column(name = "RECEIVED_BY")
    String receivedBy;

    static CaseMaterialEntity of(CaseEntity caseFile, String code, String by, Date at) {
        CaseMaterialEntity e = new CaseMaterialEntity();
        e.caseFile = caseFile;
        e.code = code;
        e.receivedBy = by;
        e.receivedAt = at;
        return e;
    }
}
