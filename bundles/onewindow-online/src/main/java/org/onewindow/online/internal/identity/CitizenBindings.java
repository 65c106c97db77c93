package org.onewindow.online.internal.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.online.AppointmentStatus;
import org.onewindow.online.Citizen;
import org.onewindow.online.internal.common.AppointmentEntity;
import org.onewindow.online.internal.common.Mobiles;
import org.onewindow.online.internal.common.OnlineConfig;
import org.onewindow.online.internal.common.OnlineDatabase;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citizens' mobile bindings as the hall handles them: a clerk binds a mobile having checked the ID card,
 * at a window or at an appointment's check-in; a security administrator reads a binding with its trail
 * (the read is recorded too) and revokes it, which ends the citizen's sessions. A citizen sees their own
 * binding and last sign-ins. Mobiles are shown masked; every change is one transaction with its event.
 */
@Component(service = CitizenBindings.class, configurationPid = OnlineConfig.PID)
public class CitizenBindings {
    private static final Logger LOG = LoggerFactory.getLogger(CitizenBindings.class);
    private static final int SIGN_INS = 10;
    private static final int MAX_REASON = 500;

    @Reference
    OnlineDatabase db;

    @Reference
    CitizenAccess access;

    private volatile ZoneId zone;

    /** A binding and its trail, for a security administrator. */
    public record BindingView(String idNumber, boolean bound, String mobile, String via, String reference, String boundAt, String boundBy,
            List<EventView> history, List<SignInView> signIns) {
    }

    /** One event of a binding's trail. */
    public record EventView(String at, String event, String via, String mobile, String reference, String by, String reason) {
    }

    /** One sign-in: when, where from (the page's channel, the client address masked). */
    public record SignInView(String at, String channel, String client) {
    }

    /** A citizen's own account: the mobile they sign in with and how it was verified, and their last sign-ins. */
    public record AccountView(String idNumber, String mobile, String via, String boundAt, List<SignInView> signIns) {
    }

    @Activate
    @Modified
    void configure(OnlineConfig config) {
        zone = ZoneId.of(config.zone());
    }

    /** A clerk binds a mobile to an ID number, the citizen present with their ID card (绑定/变更手机号). */
    public BindingView bindAtWindow(String idNumber, String mobile, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        String id = CitizenAccess.checkId(idNumber);
        Contact c = new Contact(Mobiles.check(mobile), BindingPath.WINDOW_CLERK, null, actor.name(), false);
        bind(id, c, actor);
        return shortView(id, c);
    }

    /**
     * A clerk confirms the mobile of a citizen who has checked in today for their appointment (the clerk
     * checked the ID card at the check-in): it is bound to the appointment's ID number.
     */
    public BindingView bindAtCheckIn(String appointment, String mobile, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        String m = Mobiles.check(mobile);
        LocalDate today = LocalDate.now(zone);
        Instant now = InstantColumns.now();
        String id = db.tx(em -> {
            AppointmentEntity a = appointment == null ? null : em.find(AppointmentEntity.class, appointment);
            if (a == null) {
                throw Problem.notFound("APPOINTMENT_NOT_FOUND", "没有预约 " + appointment);
            }
            if (a.status != AppointmentStatus.ARRIVED || !a.day.equals(today)) {
                throw new Problem(ProblemKind.CONFLICT, "NOT_CHECKED_IN", "预约 " + appointment + " 不是今天已签到的预约：请先签到并查验身份证");
            }
            Bindings.bind(em, db.trail(), actor, a.citizenId, new Contact(m, BindingPath.CHECK_IN, a.code, actor.name(), false), now);
            return a.citizenId;
        });
        access.ended(id, now);
        LOG.info("Mobile {} bound to {} by {} at the check-in of {}", Mobiles.mask(m), IdNumbers.mask(id), actor, appointment);
        return shortView(id, new Contact(m, BindingPath.CHECK_IN, appointment, actor.name(), false));
    }

    /** A security administrator reads a citizen's binding, its trail and last sign-ins; the read is recorded. */
    public BindingView view(String idNumber, Actor actor) {
        actor.requireAny(Set.of(Actor.SECURITY));
        String id = CitizenAccess.checkId(idNumber);
        BindingView v = db.tx(em -> {
            Bindings.read(em, db.trail(), id, actor, InstantColumns.now());
            CitizenEntity b = Bindings.find(em, id).orElse(null);
            List<EventView> history = Bindings.history(em, id).stream().map(CitizenBindings::event).collect(Collectors.toList());
            List<SignInView> signIns = Bindings.signIns(em, id, SIGN_INS).stream().map(CitizenBindings::signIn).collect(Collectors.toList());
            return b == null ? new BindingView(IdNumbers.mask(id), false, null, null, null, null, null, history, signIns)
                    : new BindingView(IdNumbers.mask(id), true, Mobiles.mask(b.mobile), b.via.name(), b.reference, instant(b.boundAt), b.boundBy,
                            history, signIns);
        });
        LOG.info("Binding of {} read by {}", IdNumbers.mask(id), actor);
        return v;
    }

    /** A security administrator revokes a binding, with a reason: the citizen's sessions end; {@code NO_BINDING} if there is none. */
    public BindingView revoke(String idNumber, String reason, Actor actor) {
        actor.requireAny(Set.of(Actor.SECURITY));
        String id = CitizenAccess.checkId(idNumber);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON || why.chars().anyMatch(ch -> ch < 0x20 && ch != '\n')) {
            throw Problem.badRequest("INVALID_REASON", "reason 必填：撤销原因，最多 " + MAX_REASON + " 字");
        }
        Instant now = InstantColumns.now();
        boolean revoked = db.tx(em -> Bindings.revoke(em, db.trail(), id, actor, why, now));
        if (!revoked) {
            throw Problem.notFound("NO_BINDING", "证件号码 " + IdNumbers.mask(id) + " 没有绑定手机号");
        }
        access.ended(id, now);
        LOG.info("Binding of {} revoked by {}; its sessions are ended", IdNumbers.mask(id), actor);
        return new BindingView(IdNumbers.mask(id), false, null, null, null, null, null, List.of(), List.of());
    }

    /** The signed-in citizen's own binding and last sign-ins (no staff names). */
    public AccountView account(Citizen citizen) {
        return db.tx(em -> {
            CitizenEntity b = Bindings.find(em, citizen.idNumber()).orElse(null);
            List<SignInView> signIns = Bindings.signIns(em, citizen.idNumber(), SIGN_INS).stream().map(CitizenBindings::signIn)
                    .collect(Collectors.toList());
            return new AccountView(citizen.masked(), Mobiles.mask(b == null ? citizen.mobile() : b.mobile), b == null ? null : b.via.name(),
                    b == null ? null : instant(b.boundAt), signIns);
        });
    }

    private void bind(String id, Contact c, Actor actor) {
        Instant now = InstantColumns.now();
        db.tx(em -> {
            Bindings.bind(em, db.trail(), actor, id, c, now);
            return null;
        });
        access.ended(id, now);
        LOG.info("Mobile {} bound to {} by {} ({})", Mobiles.mask(c.mobile()), IdNumbers.mask(id), c.by(), c.path());
    }

    private static BindingView shortView(String id, Contact c) {
        return new BindingView(IdNumbers.mask(id), true, Mobiles.mask(c.mobile()), c.path().name(), c.reference(), Instant.now().toString(), c.by(),
                List.of(), List.of());
    }

    private static EventView event(BindingEventEntity e) {
        return new EventView(instant(e.at), e.event, e.via, e.mobile == null ? null : Mobiles.mask(e.mobile), e.reference, e.actor, e.reason);
    }

    private static SignInView signIn(SignInEntity s) {
        return new SignInView(instant(s.at), s.channel, s.client);
    }

    private static String instant(Instant d) {
        return d == null ? null : d.toString();
    }
}
