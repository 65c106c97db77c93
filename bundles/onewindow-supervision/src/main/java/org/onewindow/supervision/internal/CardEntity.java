package org.onewindow.supervision.internal;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.supervision.CardColor;
import org.onewindow.supervision.CardDTO;

/** The yellow or red card of one open case, as of the last run. */
@Entity
@Table(name = "SUPERVISION_CARD")
public class CardEntity {
    @Id
    @Column(name = "CASE_NO")
    String caseNo;

    @Enumerated(EnumType.STRING)
    CardColor color;

    String status;

    @Column(name = "ITEM_CODE")
    String itemCode;

    @Column(name = "ITEM_NAME")
    String itemName;

    @Column(name = "DEPT_CODE")
    String departmentCode;

    @Column(name = "DEPT_NAME")
    String departmentName;

    String clerk;

    String reviewer;

    LocalDate deadline;

    @Column(name = "DAYS_LEFT")
    int daysLeft;

    /** 1 while the clock stands still. */
    int suspended;
    Instant since;

    CardDTO toDTO() {
        CardDTO dto = new CardDTO();
        dto.kind = "DEADLINE";
        dto.color = color;
        dto.caseNo = caseNo;
        dto.status = status;
        dto.itemCode = itemCode;
        dto.itemName = itemName;
        dto.departmentCode = departmentCode;
        dto.departmentName = departmentName;
        dto.clerk = clerk;
        dto.reviewer = reviewer;
        dto.deadline = deadline.toString();
        dto.workingDaysLeft = daysLeft;
        dto.suspended = suspended == 1;
        dto.since = since.toString();
        return dto;
    }
}
