package org.onewindow.scanning.internal;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** Who opened which scanned file of a citizen's case, when. */
@Entity
@Table(name = "SCAN_AUDIT")
public class ScanAuditEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "EVENT_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date at;

    String actor;

    @Column(name = "CASE_NO")
    String caseNo;

    @Column(name = "SCAN_ID")
    long scanId;

    static ScanAuditEntity of(String actor, String caseNo, long scanId) {
        ScanAuditEntity e = new ScanAuditEntity();
        e.at = new Date();
        e.actor = actor;
        e.caseNo = caseNo;
        e.scanId = scanId;
        return e;
    }
}
