package org.onewindow.online;

import java.math.BigDecimal;
import java.util.List;

/** A day's reconciliation of payments: totals on both sides and every difference. */
public class ReconciliationDTO {
    public String day;
    public int paidHere;
    public BigDecimal totalHere;
    public int paidAtGateway;
    public BigDecimal totalAtGateway;
    /** Orders whose two sides differ. */
    public List<Mismatch> mismatches;
    /** Notifications refused or odd that day: forged, for another amount, for an unknown order. */
    public List<Event> events;

    /** One order whose two sides differ. */
    public static class Mismatch {
        public String orderNo;
        /** {@code PAID_AT_GATEWAY_ONLY}, {@code PAID_HERE_ONLY} or {@code AMOUNT_DIFFERS}. */
        public String kind;
        public BigDecimal amountHere;
        public BigDecimal amountAtGateway;
        public String tradeNo;
    }

    /** A notification worth a look. */
    public static class Event {
        public String at;
        public String orderNo;
        /** {@code BAD_SIGNATURE}, {@code AMOUNT_MISMATCH}, {@code ORDER_NOT_FOUND}, {@code DUPLICATE}. */
        public String kind;
        public String detail;
    }
}
