package org.onewindow.online;

/** Pickup at the window, or post (邮政速递) to an address. */
public class DeliveryChoiceDTO {
    /** {@code WINDOW} or {@code POST}. */
    public String method;
    /** For {@code POST}: who receives it, their phone, and the address. */
    public String recipient;
    public String phone;
    public String address;
}
