package org.onewindow.online;

import java.math.BigDecimal;

/** A payment as the gateway reports it. */
public class GatewayPaymentDTO {
    /** The hall's merchant number at the gateway. */
    public String merchant;
    public String orderNo;
    /** The gateway's own number of the payment (交易号). */
    public String tradeNo;
    public BigDecimal amount;
    /** {@code PAID} or {@code UNPAID}. */
    public String status;
    public String paidAt;

    public boolean paid() {
        return "PAID".equals(status);
    }
}
