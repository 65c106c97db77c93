package org.onewindow.online;

import java.math.BigDecimal;

/** A payment order of an application whose item has a fee (缴费单). */
public class PaymentOrderDTO {
    public String orderNo;
    public String caseNo;
    public String subject;
    public BigDecimal amount;
    public PaymentStatus status;
    public String tradeNo;
    public String createdAt;
    public String paidAt;
    /** While unpaid: the gateway's cashier page to send the citizen to. */
    public String payUrl;
}
