package org.onewindow.queue.internal.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.citizen.Mobiles;
import org.onewindow.db.DbFailures;
import org.onewindow.db.Jdbc;
import org.onewindow.online.AppointmentDTO;
import org.onewindow.online.AppointmentService;
import org.onewindow.online.AppointmentStatus;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.queue.NewTicketDTO;
import org.onewindow.queue.QueueGroupDTO;
import org.onewindow.queue.TicketDTO;
import org.onewindow.queue.TicketSource;
import org.onewindow.queue.TicketStatus;
import org.onewindow.security.Actor;

/**
 * Numbers given and looked up: at the kiosk, at the information desk, by an appointment's check-in; a number as its
 * citizen may see it; the day's list the staff see. Each number is one transaction on its group's counter.
 */
public final class TicketDesk {
    private static final int ATTEMPTS = 5;
    private static final Set<String> DESK = Set.of(Actor.CLERK);
    private static final Set<String> HALL_STAFF = Set.of(Actor.CLERK, Actor.SUPERVISOR, Actor.ADMIN);
    private final DataSource dataSource;
    private final Supplier<CatalogService> catalog;
    private final Supplier<AppointmentService> appointments;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration serviceTime;
    private final Supplier<List<QueueGroupDTO>> groups;
    private final Runnable changed;

    public TicketDesk(DataSource dataSource, Supplier<CatalogService> catalog, Supplier<AppointmentService> appointments, Clock clock, ZoneId zone,
            Duration serviceTime, Supplier<List<QueueGroupDTO>> groups, Runnable changed) {
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.appointments = appointments;
        this.clock = clock;
        this.zone = zone;
        this.serviceTime = serviceTime;
        this.groups = groups;
        this.changed = changed;
    }

    public TicketDTO take(NewTicketDTO in, TicketSource source, Actor actor) {
        if (source == TicketSource.DESK) {
            actor.requireAny(DESK);
        }
        if (in == null || (in.group() == null && in.itemCode() == null)) {
            throw Problem.badRequest("INVALID_TICKET", "请选择业务（itemCode）或队列（group）");
        }
        String citizenId = in.idNumber() == null || in.idNumber().isBlank() ? null : IdNumbers.check(IdType.RESIDENT_ID, in.idNumber());
        String mobile = in.mobile() == null || in.mobile().isBlank() ? null : Mobiles.normal(in.mobile());
        if (mobile != null && !Mobiles.isMobile(mobile)) {
            throw Problem.badRequest("INVALID_TICKET", "手机号应为 11 位大陆手机号");
        }
        List<QueueGroupDTO> groups = this.groups.get();
        QueueGroupDTO group = groupFor(groups, in.group(), in.itemCode());
        Instant now = clock.instant();
        TicketRow asked = new TicketRow(0, LocalDate.ofInstant(now, zone), group.code(), 0, null, source, TicketStatus.WAITING,
                group.priority(), in.itemCode(), citizenId, mobile, null, null, null, null, now, now, null, null, null, null, 0, false, null, null);
        return issue(asked, group, groups);
    }

    public TicketDTO checkIn(String appointmentCode, Actor actor) {
        actor.requireAny(DESK);
        AppointmentService booked = appointments.get();
        if (booked == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "APPOINTMENTS_UNAVAILABLE", "网上预约未安装：请直接取号");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        AppointmentDTO a = booked.day(today, actor).stream()
                .filter(x -> x.code.equals(appointmentCode) && x.status == AppointmentStatus.BOOKED).findFirst()
                .orElseThrow(() -> Problem.notFound("APPOINTMENT_NOT_FOUND", "今天没有待签到的预约 " + appointmentCode));
        List<QueueGroupDTO> groups = this.groups.get();
        QueueGroupDTO group = GroupFinder.forItem(groups, a.itemCode, a.group)
                .orElseThrow(() -> Problem.notFound("ITEM_NOT_QUEUED", "没有队列办理 " + a.itemName));
        TicketRow asked = new TicketRow(0, today, group.code(), 0, null, TicketSource.APPOINTMENT, TicketStatus.WAITING, false,
                a.itemCode, null, null, a.code, today.atTime(LocalTime.parse(a.start)).atZone(zone).toInstant(),
                today.atTime(LocalTime.parse(a.end)).atZone(zone).toInstant(), null, now, now, null, null, null, null, 0, false, null, null);
        TicketDTO ticket = issue(asked, group, groups);
        try {
            booked.arrived(appointmentCode, actor);
        } catch (RuntimeException e) {
            // the appointment was not checked in after all (closed meanwhile): its ticket goes too
            tx(c -> Jdbc.update(c, "DELETE FROM QUEUE_TICKET WHERE ID = ? AND STATUS = 'WAITING'", ticket.id()));
            changed.run();
            throw e;
        }
        return ticket;
    }

    /** Gives the ticket its number and stores it (again if a concurrent first ticket of the day took the counter's key). */
    private TicketDTO issue(TicketRow asked, QueueGroupDTO group, List<QueueGroupDTO> groups) {
        for (int attempt = 1;; attempt++) {
            try {
                long id = tx(c -> {
                    int seq = TicketStore.nextNumber(c, asked.day(), group.code());
                    if (asked.citizenId() != null && TicketStore.holds(c, asked.day(), group.code(), asked.citizenId())) {
                        throw new Problem(ProblemKind.CONFLICT, "ALREADY_WAITING", "您在" + group.name() + "已有等候中的号，请勿重复取号");
                    }
                    TicketRow numbered = new TicketRow(0, asked.day(), asked.group(), seq, Tickets.number(group.prefix(), seq),
                            asked.source(), asked.status(), asked.priorityLane(), asked.itemCode(), asked.citizenId(), asked.mobile(),
                            asked.appointmentCode(), asked.slotStart(), asked.slotEnd(), null, asked.takenAt(), asked.queuedAt(), null,
                            null, null, null, 0, false, null, null);
                    return TicketStore.insert(c, numbered);
                });
                changed.run();
                return tx(c -> Tickets.view(c, TicketStore.byId(c, id).orElseThrow(), groups, serviceTime, clock.instant(), true));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !DbFailures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private QueueGroupDTO groupFor(List<QueueGroupDTO> groups, String groupCode, String itemCode) {
        if (groupCode != null) {
            return groups.stream().filter(g -> g.code().equals(groupCode)).findFirst()
                    .orElseThrow(() -> Problem.notFound("GROUP_NOT_FOUND", "没有队列 " + groupCode));
        }
        CatalogItemDTO item = catalog.get().get(itemCode);
        return GroupFinder.forItem(groups, item.code, item.department.code)
                .orElseThrow(() -> Problem.notFound("ITEM_NOT_QUEUED", "没有队列办理 " + item.name + "，请到综合窗口咨询"));
    }

    public TicketDTO publicTicket(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT);
        if (!n.matches("[A-Z]{1,2}\\d{3,4}")) {
            throw Problem.badRequest("INVALID_TICKET", "号码形如 A023");
        }
        Instant now = clock.instant();
        List<QueueGroupDTO> groups = this.groups.get();
        return tx(c -> Tickets.view(c, TicketStore.byNumber(c, LocalDate.ofInstant(now, zone), n)
                .orElseThrow(() -> Problem.notFound("TICKET_NOT_FOUND", "今天没有 " + n + " 号")), groups, serviceTime, now, false));
    }

    public List<TicketDTO> today(String group, Actor actor) {
        actor.requireAny(HALL_STAFF);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<QueueGroupDTO> groups = this.groups.get();
        List<String> codes = group == null ? groups.stream().map(QueueGroupDTO::code).toList() : List.of(group);
        return tx(c -> {
            List<TicketRow> waiting = TicketStore.waiting(c, today, codes);
            Comparator<CallingOrder.Waiting> order = CallingOrder.at(0, now);
            List<TicketDTO> out = new ArrayList<>();
            Map<String, Integer> ahead = new HashMap<>();
            waiting.stream().sorted((a, b) -> order.compare(a.waiting(), b.waiting())).forEach(t -> {
                int before = ahead.merge(t.group(), 1, Integer::sum) - 1;
                out.add(Tickets.of(t, groups, before, 0, true));
            });
            for (TicketStatus s : List.of(TicketStatus.CALLED, TicketStatus.NO_SHOW)) {
                TicketStore.inStatus(c, today, s).stream().filter(t -> codes.contains(t.group()))
                        .sorted(Comparator.comparing(TicketRow::takenAt)).forEach(t -> out.add(Tickets.of(t, groups, 0, 0, true)));
            }
            return out;
        });
    }

    private <R> R tx(Jdbc.Work<R> work) {
        return DbFailures.retryTransient(ATTEMPTS, () -> Jdbc.tx(dataSource, work));
    }
}
