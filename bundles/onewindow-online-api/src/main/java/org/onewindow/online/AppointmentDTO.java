package org.onewindow.online;

/** A booked appointment. */
public class AppointmentDTO {
    /** The booking code the citizen shows at the hall. */
    public String code;
    public String itemCode;
    public String itemName;
    /** The item group (the owning department's code): whose windows serve it. */
    public String group;
    public String day;
    public String start;
    public String end;
    public AppointmentStatus status;
    public String name;
    /** Masked for the window's list; the citizen sees their own masked too. */
    public String idNumber;
    public String bookedAt;
    public String arrivedAt;
}
