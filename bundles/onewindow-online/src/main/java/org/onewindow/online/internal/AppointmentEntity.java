package org.onewindow.online.internal;

import java.time.LocalDate;
import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.online.AppointmentDTO;
import org.onewindow.online.AppointmentStatus;

/** One booking of a slot. */
@Entity
@Table(name = "APPOINTMENT")
public class AppointmentEntity {
    @Id
    String code;

    @Column(name = "CITIZEN_ID")
    String citizenId;

    @Column(name = "CITIZEN_NAME")
    String citizenName;

    @Column(name = "ITEM_CODE")
    String itemCode;

    @Column(name = "ITEM_NAME")
    String itemName;

    @Column(name = "GRP")
    String group;

    @Column(name = "SLOT_DAY")
    LocalDate day;

    @Column(name = "SLOT_START")
    String start;

    @Column(name = "SLOT_END")
    String end;

    @Enumerated(EnumType.STRING)
    AppointmentStatus status;

    @Column(name = "BOOKED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date bookedAt;

    @Column(name = "UPDATED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date updatedAt;

    @Column(name = "ARRIVED_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date arrivedAt;

    @Column(name = "ARRIVED_BY")
    String arrivedBy;

    AppointmentDTO toDTO() {
        AppointmentDTO dto = new AppointmentDTO();
        dto.code = code;
        dto.itemCode = itemCode;
        dto.itemName = itemName;
        dto.group = group;
        dto.day = day.toString();
        dto.start = start;
        dto.end = end;
        dto.status = status;
        dto.name = citizenName;
        dto.idNumber = IdNumbers.mask(citizenId);
        dto.bookedAt = bookedAt.toInstant().toString();
        dto.arrivedAt = arrivedAt == null ? null : arrivedAt.toInstant().toString();
        return dto;
    }
}
