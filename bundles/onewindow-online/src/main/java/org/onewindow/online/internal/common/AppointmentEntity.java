package org.onewindow.online.internal.common;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.online.AppointmentDTO;
import org.onewindow.online.AppointmentStatus;

/** One booking of a slot. */
@Entity
@Table(name = "APPOINTMENT")
public class AppointmentEntity {
    @Id
    public String code;

    @Column(name = "CITIZEN_ID")
    public String citizenId;

    @Column(name = "CITIZEN_NAME")
    public String citizenName;

    @Column(name = "ITEM_CODE")
    public String itemCode;

    @Column(name = "ITEM_NAME")
    public String itemName;

    @Column(name = "GRP")
    public String group;

    @Column(name = "SLOT_DAY")
    public LocalDate day;

    @Column(name = "SLOT_START")
    public String start;

    @Column(name = "SLOT_END")
    public String end;

    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;

    @Column(name = "BOOKED_AT")
    public Instant bookedAt;

    @Column(name = "UPDATED_AT")
    public Instant updatedAt;

    @Column(name = "ARRIVED_AT")
    public Instant arrivedAt;

    @Column(name = "ARRIVED_BY")
    public String arrivedBy;

    public AppointmentDTO toDTO() {
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
        dto.bookedAt = bookedAt.toString();
        dto.arrivedAt = arrivedAt == null ? null : arrivedAt.toString();
        return dto;
    }
}
