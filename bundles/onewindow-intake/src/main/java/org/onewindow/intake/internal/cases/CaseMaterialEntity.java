package org.onewindow.intake.internal.cases;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.PostPersist;
import javax.persistence.PostRemove;
import javax.persistence.PostUpdate;
import javax.persistence.Table;

import org.onewindow.intake.MaterialSource;

/** A catalog material the window received for a case. */
@Entity
@Table(name = "CASE_MATERIAL")
public class CaseMaterialEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "CASE_ID")
    public CaseEntity caseFile;

    public String code;

    @Column(name = "RECEIVED_AT")
    public Instant receivedAt;

    @Column(name = "RECEIVED_BY")
    String receivedBy;

    @Enumerated(EnumType.STRING)
    public MaterialSource source = MaterialSource.WINDOW;

    @Column(name = "LICENCE_TYPE")
    public String licenceType;

    @Column(name = "LICENCE_NO")
    public String licenceNo;

    @Column(name = "FROM_CASE_NO")
    public String fromCaseNo;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written() {
        CaseChanges.changed(caseFile);
    }

    public static CaseMaterialEntity of(CaseEntity caseFile, String code, String by, Instant at) {
        CaseMaterialEntity e = new CaseMaterialEntity();
        e.caseFile = caseFile;
        e.code = code;
        e.receivedBy = by;
        e.receivedAt = at;
        return e;
    }

    /** A material the licence library stands in for. */
    public static CaseMaterialEntity fromLicence(CaseEntity caseFile, String code, String licenceType, String licenceNo, String by, Instant at) {
        CaseMaterialEntity e = of(caseFile, code, by, at);
        e.source = MaterialSource.LICENCE;
        e.licenceType = licenceType;
        e.licenceNo = licenceNo;
        return e;
    }

    /** A material reused from the applicant's earlier case. */
    public static CaseMaterialEntity fromEarlierCase(CaseEntity caseFile, String code, String fromCaseNo, String by, Instant at) {
        CaseMaterialEntity e = of(caseFile, code, by, at);
        e.source = MaterialSource.EARLIER_CASE;
        e.fromCaseNo = fromCaseNo;
        return e;
    }
}
