package org.onewindow.intake.internal;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

import org.onewindow.citizen.IdNumbers;

/** Who read which citizen's records, when (the subject's ID number masked). */
@Entity
@Table(name = "INTAKE_AUDIT")
public class AuditEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "EVENT_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date at;

    String actor;

    String action;

    @Column(name = "CASE_NO")
    String caseNo;

    String subject;

    static AuditEntity of(String actor, String action, String caseNo, String subjectId) {
        AuditEntity e = new AuditEntity();
        e.at = new Date();
        e.actor = actor;
        e.action = action;
        e.caseNo = caseNo;
        e.subject = subjectId == null ? null : IdNumbers.mask(subjectId);
        return e;
    }
}
