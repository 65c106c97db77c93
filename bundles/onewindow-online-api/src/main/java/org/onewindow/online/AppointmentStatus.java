package org.onewindow.online;

/** Where an appointment stands. */
public enum AppointmentStatus {
    BOOKED, CANCELLED, ARRIVED
}
