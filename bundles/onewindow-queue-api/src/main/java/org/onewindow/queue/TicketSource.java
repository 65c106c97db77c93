package org.onewindow.queue;

/** Where a ticket was taken: the kiosk, the information desk (导服台), or an online appointment's check-in (签到). */
public enum TicketSource {
    KIOSK, DESK, APPOINTMENT
}
