package org.onewindow.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.internal.TestClock;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.online.AppointmentDTO;
import org.onewindow.online.AppointmentService;
import org.onewindow.online.AppointmentStatus;
import org.onewindow.online.BookingDTO;
import org.onewindow.online.Citizen;
import org.onewindow.online.SlotDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.internal.floor.DemoHall;
import org.onewindow.security.Actor;

/**
 * An appointment checked in at the desk: its ticket, called first while its slot runs, and the appointment marked
 * arrived; checked in once only; and no ticket left behind when the appointment cannot be marked arrived. The online
 * channel is another bundle: here a day's list of appointments in memory stands for it.
 */
public class AppointmentCheckInTest {
    private static final Actor ADMIN = new Actor("admin", Set.of(Actor.ADMIN));
    private static final Actor DESK = new Actor("desk", Set.of(Actor.CLERK));
    // 09:50 in Shanghai on 2026-12-07
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T01:50:00Z"));
    private final Day day = new Day();
    private JdbcQueue queue;

    /** The hall's appointments of the day, as the online channel answers them. */
    static final class Day implements AppointmentService {
        final List<AppointmentDTO> list = new ArrayList<>();
        boolean refuseArrival;

        AppointmentDTO add(String code, String item, String department, String start, String end) {
            AppointmentDTO a = new AppointmentDTO();
            a.code = code;
            a.itemCode = item;
            a.itemName = item;
            a.group = department;
            a.day = "2026-12-07";
            a.start = start;
            a.end = end;
            a.status = AppointmentStatus.BOOKED;
            list.add(a);
            return a;
        }

        @Override
        public List<AppointmentDTO> day(LocalDate d, Actor actor) {
            return d.toString().equals("2026-12-07") ? list : List.of();
        }

        @Override
        public AppointmentDTO arrived(String code, Actor actor) {
            AppointmentDTO a = list.stream().filter(x -> x.code.equals(code)).findFirst().orElseThrow();
            if (refuseArrival || a.status != AppointmentStatus.BOOKED) {
                throw new Problem(ProblemKind.CONFLICT, "APPOINTMENT_CLOSED", code);
            }
            a.status = AppointmentStatus.ARRIVED;
            return a;
        }

        @Override
        public List<LocalDate> days() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SlotDTO> slots(LocalDate d, String itemCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AppointmentDTO book(Citizen citizen, BookingDTO booking) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AppointmentDTO change(Citizen citizen, String code, BookingDTO booking) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AppointmentDTO cancel(Citizen citizen, String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AppointmentDTO> mine(Citizen citizen) {
            throw new UnsupportedOperationException();
        }
    }

    @Before
    public void hall() {
        queue = new JdbcQueue();
        queue.dataSource = TestDatabases.memory("checkin");
        TestDatabases.migrate(queue.dataSource, "queue", "db/migration/queue");
        queue.clock = clock;
        queue.appointments = day;
        queue.configure("Asia/Shanghai", 8, 8);
        queue.alerts(20, 40);
        DemoHall.GROUPS.forEach(g -> queue.saveGroup(g, ADMIN));
        queue.saveWindow(4, List.of("PROPERTY"), ADMIN);
    }

    @Test
    public void aCheckedInAppointmentIsCalledFirstWhileItsSlotRunsAndOnlyOnce() {
        day.add("YY1", "ZR-BDC-001", "ZR", "10:00", "10:30");
        queue.take(new NewTicketDTO("PROPERTY", null, null, null), TicketSource.KIOSK, new Actor("kiosk", Set.of()));
        TicketDTO booked = queue.checkIn("YY1", DESK);
        assertEquals("the department ZR is served by the property group", "PROPERTY", booked.group());
        assertEquals(TicketSource.APPOINTMENT, booked.source());
        assertEquals(AppointmentStatus.ARRIVED, day.list.get(0).status);
        try {
            queue.checkIn("YY1", DESK);
            fail("checked in twice");
        } catch (Problem e) {
            assertEquals("APPOINTMENT_NOT_FOUND", e.code());
        }
        Actor zhao = new Actor("zhao", Set.of(Actor.CLERK));
        queue.signIn(4, zhao);
        clock.pass(Duration.ofMinutes(15)); // 10:05: the slot runs
        assertEquals(booked.number(), queue.callNext(zhao).number());
        assertEquals("B001", queue.callNext(zhao).number());
    }

    @Test
    public void anAppointmentThatCannotArriveLeavesNoTicket() {
        day.add("YY2", "ZR-BDC-001", "ZR", "10:00", "10:30");
        day.refuseArrival = true;
        try {
            queue.checkIn("YY2", DESK);
            fail();
        } catch (Problem e) {
            assertEquals("APPOINTMENT_CLOSED", e.code());
        }
        assertTrue(queue.today(null, DESK).isEmpty());
        assertEquals("APPOINTMENT_NOT_FOUND", codeOf(() -> queue.checkIn("NOSUCH", DESK)));
        queue.appointments = null;
        assertEquals("APPOINTMENTS_UNAVAILABLE", codeOf(() -> queue.checkIn("YY2", DESK)));
    }

    private static String codeOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Problem e) {
            return e.code();
        }
    }
}
