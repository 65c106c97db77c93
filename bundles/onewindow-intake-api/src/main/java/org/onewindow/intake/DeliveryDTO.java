package org.onewindow.intake;

/** How the result reached the applicant. */
public class DeliveryDTO {
    /** {@code WINDOW} or {@code POST}. */
    public String method;
    /** Postal carrier and tracking number, for {@code POST}. */
    public String carrier;
    public String trackingNo;
    /** Who collected it at the window (masked ID number), for {@code WINDOW}. */
    public String collectedBy;
}
