package org.onewindow.online;

/** What a citizen books: an item, a day and a slot's start, and their name for the window's list. */
public class BookingDTO {
    public String itemCode;
    /** {@code yyyy-MM-dd}. */
    public String day;
    /** {@code HH:mm}, a slot's start. */
    public String start;
    public String name;
}
