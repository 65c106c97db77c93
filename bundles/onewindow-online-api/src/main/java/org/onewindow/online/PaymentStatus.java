package org.onewindow.online;

/** Where a payment order stands. */
public enum PaymentStatus {
    UNPAID, PAID
}
