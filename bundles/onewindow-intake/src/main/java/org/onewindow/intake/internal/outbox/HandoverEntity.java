package org.onewindow.intake.internal.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverState;
import org.onewindow.intake.internal.cases.CaseEntity;

/** A row of the outbox: one handover of a case to its department. */
@Entity
@Table(name = "CASE_HANDOVER")
public class HandoverEntity {
    public static final String CASE = "CASE";
    public static final String SUPPLEMENT = "SUPPLEMENT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CASE_NO")
    String caseNo;

    @Column(name = "DEPT_CODE")
    String departmentCode;

    @Column(name = "DELIVERY_KEY")
    public String deliveryKey;

    public String purpose;

    @Enumerated(EnumType.STRING)
    public HandoverState state;

    int attempts;

    @Column(name = "NEXT_ATTEMPT_AT")
    Instant nextAttemptAt;

    @Column(name = "LAST_ERROR")
    String lastError;

    @Column(name = "REMOTE_REF")
    String remoteRef;

    @Column(name = "CREATED_AT")
    Instant createdAt;

    @Column(name = "DONE_AT")
    Instant doneAt;

    /** When the district deciding a case routed through the city hub confirmed it has this delivery. */
    @Column(name = "ACKNOWLEDGED_AT")
    public Instant acknowledgedAt;

    /** Not yet with its department: waiting, being retried, or given up until an administrator retries it. */
    public static final List<HandoverState> OPEN = List.of(HandoverState.PENDING, HandoverState.RETRYING, HandoverState.DEAD);
    /** What the relay tries: the open ones it has not given up on. */
    public static final List<HandoverState> DUE = List.of(HandoverState.PENDING, HandoverState.RETRYING);

    public static HandoverEntity of(CaseEntity c, String purpose, Instant now) {
        HandoverEntity h = new HandoverEntity();
        h.caseNo = c.caseNo;
        h.departmentCode = c.departmentCode;
        h.deliveryKey = c.caseNo + "-" + UUID.randomUUID();
        h.purpose = purpose;
        h.state = HandoverState.PENDING;
        h.nextAttemptAt = now;
        h.createdAt = now;
        return h;
    }

    boolean isOpen() {
        return OPEN.contains(state);
    }

    HandoverDTO toDTO() {
        HandoverDTO dto = new HandoverDTO();
        dto.id = id;
        dto.caseNo = caseNo;
        dto.departmentCode = departmentCode;
        dto.deliveryKey = deliveryKey;
        dto.purpose = purpose;
        dto.state = state;
        dto.attempts = attempts;
        dto.nextAttemptAt = isOpen() && state != HandoverState.DEAD ? nextAttemptAt.toString() : null;
        dto.lastError = lastError;
        dto.createdAt = createdAt.toString();
        dto.doneAt = doneAt == null ? null : doneAt.toString();
        dto.remoteReference = remoteRef;
        return dto;
    }
}
