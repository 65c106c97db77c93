package org.onewindow.online.internal.payments;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.online.ReconciliationDTO;

/** Something the gateway said about an order: paid, again, forged, for another amount, for no order of ours. */
@Entity
@Table(name = "PAYMENT_EVENT")
public class PaymentEventEntity {
    static final String PAID = "PAID";
    static final String DUPLICATE = "DUPLICATE";
    static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ORDER_NO")
    String orderNo;

    String kind;

    String detail;

    @Column(name = "EVENT_AT")
    Instant at;

    static PaymentEventEntity of(String orderNo, String kind, String detail) {
        PaymentEventEntity e = new PaymentEventEntity();
        e.orderNo = orderNo;
        e.kind = kind;
        e.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        e.at = InstantColumns.now();
        return e;
    }

    ReconciliationDTO.Event toDTO() {
        ReconciliationDTO.Event dto = new ReconciliationDTO.Event();
        dto.at = at.toString();
        dto.orderNo = orderNo;
        dto.kind = kind;
        dto.detail = detail;
        return dto;
    }
}
