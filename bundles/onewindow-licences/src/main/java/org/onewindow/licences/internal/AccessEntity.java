package org.onewindow.licences.internal;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

import org.onewindow.licences.AccessEntryDTO;
import org.onewindow.licences.Purpose;

/** One read of a citizen's licences (the access log). */
@Entity
@Table(name = "LICENCE_ACCESS")
public class AccessEntity {
    static final String LIST = "LIST";
    static final String VERIFY = "VERIFY";
    /** A licence another district holds, verified through the city hub. */
    static final String CITY_VERIFY = "CITY_VERIFY";
    static final String REUSE_CHECK = "REUSE_CHECK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ACCESSED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date at;

    String actor;

    String action;

    @Column(name = "HOLDER_ID")
    String holderId;

    @Column(name = "CASE_NO")
    String caseNo;

    String purpose;

    @Column(name = "LICENCE_TYPE")
    String licenceType;

    @Column(name = "LICENCE_NO")
    String licenceNo;

    int results;

    static AccessEntity of(String action, String holderId, Purpose why, String actor, int results) {
        AccessEntity e = new AccessEntity();
        e.at = new Date();
        e.action = action;
        e.holderId = holderId;
        e.caseNo = why.caseNo;
        e.purpose = why.text;
        e.actor = actor;
        e.results = results;
        return e;
    }

    AccessEntryDTO toDTO() {
        AccessEntryDTO dto = new AccessEntryDTO();
        dto.at = at.toInstant().toString();
        dto.actor = actor;
        dto.action = action;
        dto.caseNo = caseNo;
        dto.purpose = purpose;
        dto.licenceType = licenceType;
        dto.licenceNo = licenceNo;
        dto.results = results;
        return dto;
    }
}
