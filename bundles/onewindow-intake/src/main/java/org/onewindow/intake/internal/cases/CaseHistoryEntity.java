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

import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HistoryEntryDTO;

/** One recorded step of a case; rows are only ever added. */
@Entity
@Table(name = "CASE_HISTORY")
public class CaseHistoryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "CASE_ID")
    CaseEntity caseFile;

    @Column(name = "EVENT_AT")
    Instant at;

    @Column(name = "BY_USER")
    String by;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS")
    CaseStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS")
    CaseStatus to;

    String note;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written() {
        CaseChanges.changed(caseFile);
    }

    public static CaseHistoryEntity of(CaseEntity caseFile, CaseStatus from, CaseStatus to, String by, Instant at, String note) {
        CaseHistoryEntity e = new CaseHistoryEntity();
        e.caseFile = caseFile;
        e.from = from;
        e.to = to;
        e.by = by;
        e.at = at;
        e.note = note;
        return e;
    }

    public HistoryEntryDTO toDTO() {
        HistoryEntryDTO dto = new HistoryEntryDTO();
        dto.at = at.toString();
        dto.by = by;
        dto.from = from;
        dto.to = to;
        dto.note = note;
        return dto;
    }
}
