package org.onewindow.online;

import java.time.LocalDate;
import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appointments at the hall (网上预约): time slots on working days with a capacity per slot for the
 * whole hall and per item group (the department's windows). No slot is ever booked beyond either
 * capacity, however many citizens book at once. Failures are {@link org.onewindow.problem.Problem}s:
 * {@code INVALID_BOOKING}, {@code ITEM_NOT_FOUND}, {@code NOT_A_WORKING_DAY}, {@code SLOT_NOT_OFFERED},
 * {@code SLOT_FULL}, {@code TOO_MANY_BOOKINGS}, {@code ALREADY_BOOKED}, {@code APPOINTMENT_NOT_FOUND},
 * {@code APPOINTMENT_CLOSED}, {@code FORBIDDEN}.
 */
@ProviderType
public interface AppointmentService {

    /** The days a citizen may book now: the next working days, today included while slots are left. */
    List<LocalDate> days();

    /** The slots of a day for an item, each with what is left of it. */
    List<SlotDTO> slots(LocalDate day, String itemCode);

    AppointmentDTO book(Citizen citizen, BookingDTO booking);

    /** Moves a booking to another slot (or item), in one step: the old slot is freed only if the new one is had. */
    AppointmentDTO change(Citizen citizen, String code, BookingDTO booking);

    AppointmentDTO cancel(Citizen citizen, String code);

    /** The citizen's appointments, upcoming first. */
    List<AppointmentDTO> mine(Citizen citizen);

    /** The hall's day list for the window (clerk, supervisor, admin): who comes when for what. */
    List<AppointmentDTO> day(LocalDate day, Actor actor);

    /** Records that the citizen came (签到), at a clerk's window. */
    AppointmentDTO arrived(String code, Actor actor);
}
