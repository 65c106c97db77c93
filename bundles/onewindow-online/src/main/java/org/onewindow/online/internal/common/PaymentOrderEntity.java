package org.onewindow.online.internal.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityManager;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.online.PaymentOrderDTO;
import org.onewindow.online.PaymentStatus;

/** The payment order of one application. */
@Entity
@Table(name = "PAYMENT_ORDER")
public class PaymentOrderEntity {
    @Id
    @Column(name = "ORDER_NO")
    public String orderNo;

    @Column(name = "CASE_NO")
    public String caseNo;

    @Column(name = "CITIZEN_ID")
    public String citizenId;

    String subject;

    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    public PaymentStatus status;

    @Column(name = "TRADE_NO")
    public String tradeNo;

    @Column(name = "CREATED_AT")
    Instant createdAt;

    @Column(name = "PAID_AT")
    Instant paidAt;

    /** {@code NOTIFY} or {@code QUERY}: how the hall learnt of the payment. */
    @Column(name = "PAID_VIA")
    String paidVia;

    public static PaymentOrderEntity of(String caseNo, String citizenId, String subject, BigDecimal amount) {
        PaymentOrderEntity o = new PaymentOrderEntity();
        o.orderNo = "PO" + caseNo.replace("-", "");
        o.caseNo = caseNo;
        o.citizenId = citizenId;
        o.subject = subject;
        o.amount = amount;
        o.status = PaymentStatus.UNPAID;
        o.createdAt = InstantColumns.now();
        return o;
    }

    /** The order of a case's application, if it has one (one per case). */
    public static Optional<PaymentOrderEntity> forCase(EntityManager em, String caseNo) {
        return em.createQuery("SELECT o FROM PaymentOrderEntity o WHERE o.caseNo = :c", PaymentOrderEntity.class).setParameter("c", caseNo)
                .getResultStream().findFirst();
    }

    public PaymentOrderDTO toDTO() {
        PaymentOrderDTO dto = new PaymentOrderDTO();
        dto.orderNo = orderNo;
        dto.caseNo = caseNo;
        dto.subject = subject;
        dto.amount = amount;
        dto.status = status;
        dto.tradeNo = tradeNo;
        dto.createdAt = createdAt.toString();
        dto.paidAt = paidAt == null ? null : paidAt.toString();
        return dto;
    }
}
