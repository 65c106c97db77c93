package org.onewindow.online.internal.appointments;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.db.DbFailures;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.online.AppointmentDTO;
import org.onewindow.online.AppointmentService;
import org.onewindow.online.AppointmentStatus;
import org.onewindow.online.BookingDTO;
import org.onewindow.online.Citizen;
import org.onewindow.online.NoticeKind;
import org.onewindow.online.SlotDTO;
import org.onewindow.online.internal.common.AppointmentEntity;
import org.onewindow.online.internal.common.OnlineConfig;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.online.internal.notices.Notices;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appointments on Derby: counters per slot taken by conditional updates, one transaction per booking. */
@Component(service = AppointmentService.class, configurationPid = OnlineConfig.PID)
public class JpaAppointments implements AppointmentService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaAppointments.class);
    /** Booking codes: no 0/O, 1/I, so that they can be read out at a window. */
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_ATTEMPTS = 3;
    private final SecureRandom random = new SecureRandom();

    @Reference
    OnlineDatabase db;

    @Reference
    CatalogService catalog;

    @Reference
    WorkingCalendar calendar;

    @Reference
    Notices notices;

    private volatile SlotPlan plan;
    private volatile ZoneId zone;
    private volatile int bookingDays;
    private volatile int maxActive;

    @Activate
    @Modified
    void configure(OnlineConfig config) {
        plan = new SlotPlan(config.hallHours(), config.slotMinutes(), config.slotCapacity(), config.groupCapacity(),
                config.groupCapacities());
        zone = ZoneId.of(config.zone());
        bookingDays = config.bookingDays();
        maxActive = config.maxActiveBookings();
    }

    @Override
    public List<LocalDate> days() {
        LocalDateTime now = LocalDateTime.now(zone);
        List<LocalDate> out = new ArrayList<>();
        LocalDate day = now.toLocalDate();
        for (int i = 0; out.size() < bookingDays && i < 366; i++, day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day) && (i > 0 || plan.starts().stream().anyMatch(s -> s.isAfter(now.toLocalTime())))) {
                out.add(day);
            }
        }
        return out;
    }

    @Override
    public List<SlotDTO> slots(LocalDate day, String itemCode) {
        checkDay(day);
        CatalogItemDTO item = catalog.get(itemCode);
        String group = item.department.code;
        Map<String, Integer> booked = db.tx(em -> SlotCounters.booked(em, day, group));
        int groupCapacity = plan.capacity(group);
        List<SlotDTO> out = new ArrayList<>();
        for (LocalTime start : plan.starts()) {
            if (started(day, start)) {
                continue;
            }
            String s = start.toString();
            SlotDTO slot = new SlotDTO();
            slot.start = s;
            slot.end = plan.end(start).toString();
            slot.capacity = groupCapacity;
            slot.left = Math.max(0, Math.min(groupCapacity - booked.getOrDefault(SlotCounters.key(group, s), 0),
                    plan.hallCapacity() - booked.getOrDefault(SlotCounters.key(SlotPlan.HALL, s), 0)));
            out.add(slot);
        }
        return out;
    }

    @Override
    public AppointmentDTO book(Citizen citizen, BookingDTO booking) {
        Wanted w = wanted(booking);
        SlotCounters.ensure(db, w.day(), w.start(), w.group());
        AppointmentDTO done = withFreshCode(code -> db.tx(em -> {
            List<AppointmentEntity> active = upcoming(em, citizen.idNumber());
            if (active.size() >= maxActive) {
                throw new Problem(ProblemKind.CONFLICT, "TOO_MANY_BOOKINGS", "每人最多同时保留 " + maxActive + " 个预约，请先取消不需要的预约");
            }
            refuseTwice(active, w, null);
            SlotCounters.take(em, w.day(), w.start(), w.group(), plan.capacity(w.group()), plan.hallCapacity());
            AppointmentEntity a = new AppointmentEntity();
            a.code = code;
            a.citizenId = citizen.idNumber();
            a.citizenName = w.name();
            a.status = AppointmentStatus.BOOKED;
            a.bookedAt = InstantColumns.now();
            place(a, w);
            em.persist(a);
            return a.toDTO();
        }));
        LOG.info("Appointment {} booked by {} for {} on {} {}", done.code, citizen, done.itemCode, done.day, done.start);
        notices.tell(NoticeKind.APPOINTMENT_BOOKED, citizen.idNumber(), citizen.mobile(), done.code, "【区行政服务中心】您已预约 "
                + done.day + " " + done.start + "-" + done.end + " 办理“" + done.itemName + "”，预约号 " + done.code
                + "。请携带身份证和材料原件按时到综合窗口取号。");
        return done;
    }

    @Override
    public AppointmentDTO change(Citizen citizen, String code, BookingDTO booking) {
        Wanted w = wanted(booking);
        SlotCounters.ensure(db, w.day(), w.start(), w.group());
        AppointmentDTO done = db.tx(em -> {
            AppointmentEntity a = own(em, citizen, code);
            open(a);
            if (a.day.equals(w.day()) && a.start.equals(w.start()) && a.itemCode.equals(w.item().code)) {
                a.citizenName = w.name();
                return a.toDTO();
            }
            refuseTwice(upcoming(em, citizen.idNumber()), w, a.code);
            SlotCounters.take(em, w.day(), w.start(), w.group(), plan.capacity(w.group()), plan.hallCapacity());
            SlotCounters.release(em, a.day, a.start, a.group);
            a.citizenName = w.name();
            place(a, w);
            return a.toDTO();
        });
        LOG.info("Appointment {} moved by {} to {} {}", code, citizen, done.day, done.start);
        notices.tell(NoticeKind.APPOINTMENT_CHANGED, citizen.idNumber(), citizen.mobile(), done.code, "【区行政服务中心】您的预约 "
                + done.code + " 已改为 " + done.day + " " + done.start + "-" + done.end + " 办理“" + done.itemName + "”。");
        return done;
    }

    @Override
    public AppointmentDTO cancel(Citizen citizen, String code) {
        AppointmentDTO done = db.tx(em -> {
            AppointmentEntity a = own(em, citizen, code);
            open(a);
            SlotCounters.release(em, a.day, a.start, a.group);
            a.status = AppointmentStatus.CANCELLED;
            a.updatedAt = InstantColumns.now();
            return a.toDTO();
        });
        LOG.info("Appointment {} cancelled by {}", code, citizen);
        notices.tell(NoticeKind.APPOINTMENT_CANCELLED, citizen.idNumber(), citizen.mobile(), done.code,
                "【区行政服务中心】您 " + done.day + " " + done.start + " 的预约 " + done.code + " 已取消。");
        return done;
    }

    @Override
    public List<AppointmentDTO> mine(Citizen citizen) {
        LocalDate today = LocalDate.now(zone);
        List<AppointmentEntity> all = db.tx(em -> em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.citizenId = :id"
                + " ORDER BY a.day DESC, a.start DESC", AppointmentEntity.class).setParameter("id", citizen.idNumber())
                .setMaxResults(100).getResultList());
        List<AppointmentDTO> upcoming = all.stream().filter(a -> !a.day.isBefore(today))
                .sorted((x, y) -> x.day.equals(y.day) ? x.start.compareTo(y.start) : x.day.compareTo(y.day))
                .map(AppointmentEntity::toDTO).collect(Collectors.toList());
        all.stream().filter(a -> a.day.isBefore(today)).map(AppointmentEntity::toDTO).forEach(upcoming::add);
        return upcoming;
    }

    @Override
    public List<AppointmentDTO> day(LocalDate day, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK, Actor.SUPERVISOR, Actor.ADMIN));
        return db.tx(em -> em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.day = :day AND a.status <> :cancelled"
                + " ORDER BY a.start, a.group, a.bookedAt", AppointmentEntity.class).setParameter("day", day)
                .setParameter("cancelled", AppointmentStatus.CANCELLED).getResultList()
                .stream().map(AppointmentEntity::toDTO).collect(Collectors.toList()));
    }

    @Override
    public AppointmentDTO arrived(String code, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        LocalDate today = LocalDate.now(zone);
        AppointmentDTO done = db.tx(em -> {
            AppointmentEntity a = find(em, code);
            if (a.status != AppointmentStatus.BOOKED || !a.day.equals(today)) {
                throw new Problem(ProblemKind.CONFLICT, "APPOINTMENT_CLOSED", "预约 " + code + " 不是今天待签到的预约（" + a.day + "，"
                        + a.status + "）");
            }
            a.status = AppointmentStatus.ARRIVED;
            a.arrivedAt = InstantColumns.now();
            a.arrivedBy = actor.name();
            a.updatedAt = a.arrivedAt;
            return a.toDTO();
        });
        LOG.info("Appointment {} arrived, checked in by {}", code, actor);
        return done;
    }

    /** A checked booking request: the item, its group, a day and slot the hall offers and that has not begun. */
    private Wanted wanted(BookingDTO booking) {
        if (booking == null || booking.itemCode == null || booking.day == null || booking.start == null) {
            throw Problem.badRequest("INVALID_BOOKING", "itemCode、day（yyyy-MM-dd）和 start（HH:mm）必填");
        }
        String name = booking.name == null ? "" : booking.name.strip();
        if (name.isEmpty() || name.length() > 64) {
            throw Problem.badRequest("INVALID_BOOKING", "name 必填：申请人姓名，最多 64 字");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(booking.day);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_BOOKING", "day 应为 yyyy-MM-dd：" + booking.day);
        }
        checkDay(day);
        LocalTime start = plan.slot(booking.start).filter(s -> !started(day, s)).orElseThrow(() -> new Problem(
                ProblemKind.CONFLICT, "SLOT_NOT_OFFERED", day + " 没有 " + booking.start + " 开始的可预约时段"));
        CatalogItemDTO item = catalog.get(booking.itemCode);
        return new Wanted(item, day, start.toString(), plan.end(start).toString(), name);
    }

    private void checkDay(LocalDate day) {
        if (day == null) {
            throw Problem.badRequest("INVALID_BOOKING", "day 必填（yyyy-MM-dd）");
        }
        if (!calendar.isWorkingDay(day)) {
            throw new Problem(ProblemKind.CONFLICT, "NOT_A_WORKING_DAY", day + " 不是工作日，大厅不办公");
        }
        List<LocalDate> open = days();
        if (!open.contains(day)) {
            throw new Problem(ProblemKind.CONFLICT, "SLOT_NOT_OFFERED", "只能预约 " + open.get(0) + " 至 " + open.get(open.size() - 1)
                    + " 的工作日");
        }
    }

    private boolean started(LocalDate day, LocalTime start) {
        LocalDateTime now = LocalDateTime.now(zone);
        return !day.atTime(start).isAfter(now);
    }

    private List<AppointmentEntity> upcoming(EntityManager em, String idNumber) {
        return em.createQuery("SELECT a FROM AppointmentEntity a WHERE a.citizenId = :id AND a.status = :booked AND a.day >= :today",
                AppointmentEntity.class).setParameter("id", idNumber).setParameter("booked", AppointmentStatus.BOOKED)
                .setParameter("today", LocalDate.now(zone)).getResultList();
    }

    /** One booking per citizen, item and day: a second would hold a place the citizen cannot use. */
    private static void refuseTwice(List<AppointmentEntity> active, Wanted w, String except) {
        for (AppointmentEntity a : active) {
            if (!a.code.equals(except) && a.itemCode.equals(w.item().code) && a.day.equals(w.day())) {
                throw new Problem(ProblemKind.CONFLICT, "ALREADY_BOOKED", "您已预约 " + a.day + " " + a.start + " 办理该事项（预约号 "
                        + a.code + "），如需改时间请修改该预约");
            }
        }
    }

    private static void place(AppointmentEntity a, Wanted w) {
        a.itemCode = w.item().code;
        a.itemName = w.item().name;
        a.group = w.group();
        a.day = w.day();
        a.start = w.start();
        a.end = w.end();
        a.updatedAt = InstantColumns.now();
    }

    private static AppointmentEntity own(EntityManager em, Citizen citizen, String code) {
        AppointmentEntity a = find(em, code);
        if (!a.citizenId.equals(citizen.idNumber())) {
            // another citizen's booking is not told apart from one that does not exist
            throw notFound(code);
        }
        return a;
    }

    private static AppointmentEntity find(EntityManager em, String code) {
        AppointmentEntity a = code == null ? null : em.find(AppointmentEntity.class, code);
        if (a == null) {
            throw notFound(code);
        }
        return a;
    }

    private void open(AppointmentEntity a) {
        if (a.status != AppointmentStatus.BOOKED || started(a.day, LocalTime.parse(a.start))) {
            throw new Problem(ProblemKind.CONFLICT, "APPOINTMENT_CLOSED", "预约 " + a.code + " 已" + (a.status == AppointmentStatus.CANCELLED
                    ? "取消" : a.status == AppointmentStatus.ARRIVED ? "签到" : "过时") + "，不能再修改或取消");
        }
    }

    private static Problem notFound(String code) {
        return Problem.notFound("APPOINTMENT_NOT_FOUND", "没有预约号 " + code);
    }

    /** Runs {@code work} with a new random booking code; a code already taken is drawn again. */
    private AppointmentDTO withFreshCode(java.util.function.Function<String, AppointmentDTO> work) {
        for (int attempt = 1;; attempt++) {
            StringBuilder code = new StringBuilder("YY");
            for (int i = 0; i < 8; i++) {
                code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
            }
            try {
                return work.apply(code.toString());
            } catch (PersistenceException e) {
                if (!DbFailures.isUniqueViolation(e) || attempt == CODE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A booking request, checked. */
    private record Wanted(CatalogItemDTO item, LocalDate day, String start, String end, String name) {
        /** The window group that takes the item: its department's. */
        String group() {
            return item.department.code;
        }
    }
}
