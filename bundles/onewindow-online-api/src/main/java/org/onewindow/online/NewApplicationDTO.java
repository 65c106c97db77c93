package org.onewindow.online;

/** What a citizen fills in to apply online. */
public class NewApplicationDTO {
    public String itemCode;
    /** The applicant's name, as on their ID card. */
    public String name;
    /** How the result reaches them; defaults to pickup at the window. */
    public DeliveryChoiceDTO delivery;
}
