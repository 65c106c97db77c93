package org.onewindow.online;

/** One time slot of a day for an item's group: when, and how many places are left. */
public class SlotDTO {
    /** {@code HH:mm}. */
    public String start;
    public String end;
    /** Places left in the item's group, never more than the hall has left. */
    public int left;
    public int capacity;
}
