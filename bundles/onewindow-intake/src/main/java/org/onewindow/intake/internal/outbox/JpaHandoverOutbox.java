package org.onewindow.intake.internal.outbox;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverOutbox;
import org.onewindow.intake.HandoverPage;
import org.onewindow.intake.HandoverState;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.Route;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.QueryParams;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outbox of handovers, in the intake tables so that it commits with the acceptance. */
@Component(service = HandoverOutbox.class)
public class JpaHandoverOutbox implements HandoverOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(JpaHandoverOutbox.class);
    private static final int MAX_PAGE_SIZE = 500;
    private static final String RELAY = "system:relay";

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    /** Makes sure the intake schema is migrated first. */
    @Reference
    IntakeService intake;

    @Override
    public List<HandoverDTO> due(Instant now, int limit) {
        return tx(em -> em.createQuery("SELECT h FROM HandoverEntity h WHERE h.state IN :due AND h.nextAttemptAt <= :now"
                + " ORDER BY h.nextAttemptAt, h.id", HandoverEntity.class)
                .setParameter("due", HandoverEntity.DUE)
                .setParameter("now", now).setMaxResults(limit).getResultList()
                .stream().map(HandoverEntity::toDTO).collect(Collectors.toList()));
    }

    @Override
    public HandoverDTO handedOver(long id, Route route, String remoteReference) {
        return tx(em -> {
            Locked locked = locked(em, id);
            HandoverEntity h = locked.handover();
            CaseEntity c = locked.kase();
            if (h.state == HandoverState.DONE || h.state == HandoverState.CANCELLED) {
                return h.toDTO();
            }
            Instant now = InstantColumns.now();
            h.doneAt = now;
            if (!c.status().isOpen()) {
                h.state = HandoverState.CANCELLED;
                return h.toDTO();
            }
            complete(em, h, c, route, remoteReference, now);
            return h.toDTO();
        });
    }

    /** Marks a handover done and the case under review with its department, in the caller's transaction. */
    public static void complete(EntityManager em, HandoverEntity h, CaseEntity c, Route route, String remoteReference, Instant now) {
        h.state = HandoverState.DONE;
        h.doneAt = now;
        h.remoteRef = Cases.limit(remoteReference, 100);
        c.route = route;
        c.remoteRef = h.remoteRef;
        String where = route == Route.LOCAL ? "本中心后台审批"
                : route == Route.CITY ? "，经市级枢纽转异地审批（全市通办" + (h.remoteRef == null ? "" : "，" + h.remoteRef) + "）"
                : "部门审批系统" + (h.remoteRef == null ? "" : "（受理号 " + h.remoteRef + "）");
        CaseStatus to = c.status() == CaseStatus.ACCEPTED ? CaseStatus.IN_REVIEW : c.status();
        String note = (HandoverEntity.SUPPLEMENT.equals(h.purpose) ? "补正材料已送交" : "已送交") + c.departmentName + where;
        // a case past acceptance (its supplement handed over) keeps its status: the step notes the delivery
        em.persist(c.moveTo(to, RELAY, now, note));
        LOG.info("Case {} handed over to {} ({}), delivery {}", c.caseNo, c.departmentCode, route, h.deliveryKey);
    }

    /** Cancels the handovers of a withdrawn case that have not reached the department, in the caller's transaction. */
    public static void cancelOpen(EntityManager em, String caseNo, Instant now) {
        em.createQuery("UPDATE HandoverEntity h SET h.state = :cancelled, h.doneAt = :now WHERE h.caseNo = :no"
                + " AND h.state IN :open")
                .setParameter("cancelled", HandoverState.CANCELLED).setParameter("now", now).setParameter("no", caseNo)
                .setParameter("open", HandoverEntity.OPEN)
                .executeUpdate();
    }

    @Override
    public HandoverDTO failed(long id, String error, Instant nextAttempt) {
        return tx(em -> {
            HandoverEntity h = locked(em, id).handover();
            if (!HandoverEntity.DUE.contains(h.state)) {
                return h.toDTO();
            }
            h.attempts++;
            h.lastError = Cases.limit(error, 1000);
            if (nextAttempt == null) {
                h.state = HandoverState.DEAD;
                LOG.warn("Handover of case {} to {} is dead after {} attempts: {}", h.caseNo, h.departmentCode, h.attempts, error);
            } else {
                h.state = HandoverState.RETRYING;
                h.nextAttemptAt = InstantColumns.kept(nextAttempt);
            }
            return h.toDTO();
        });
    }

    @Override
    public int expedite(String departmentCode) {
        return tx(em -> em.createQuery("UPDATE HandoverEntity h SET h.nextAttemptAt = :now WHERE h.state = :retrying"
                + " AND h.departmentCode = :dept AND h.nextAttemptAt > :now")
                .setParameter("now", InstantColumns.now()).setParameter("retrying", HandoverState.RETRYING)
                .setParameter("dept", departmentCode).executeUpdate());
    }

    @Override
    public HandoverPage list(HandoverState state, int page, int size, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        QueryParams.checkPage(page, size, MAX_PAGE_SIZE);
        String where = state == null ? "" : " WHERE h.state = :state";
        return tx(em -> {
            TypedQuery<HandoverEntity> rows = em.createQuery("SELECT h FROM HandoverEntity h" + where + " ORDER BY h.id DESC",
                    HandoverEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(h) FROM HandoverEntity h" + where, Long.class);
            if (state != null) {
                rows.setParameter("state", state);
                count.setParameter("state", state);
            }
            HandoverPage out = new HandoverPage();
            out.page = page;
            out.size = size;
            out.total = count.getSingleResult();
            out.counts = counts(em);
            out.items = rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
                    .map(HandoverEntity::toDTO).collect(Collectors.toList());
            return out;
        });
    }

    private static Map<HandoverState, Long> counts(EntityManager em) {
        Map<HandoverState, Long> counts = new EnumMap<>(HandoverState.class);
        for (HandoverState s : HandoverState.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT h.state, COUNT(h) FROM HandoverEntity h GROUP BY h.state", Object[].class)
                .getResultList()) {
            counts.put((HandoverState) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public HandoverDTO retry(long id, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        return tx(em -> {
            HandoverEntity h = locked(em, id).handover();
            if (h.state != HandoverState.DEAD && h.state != HandoverState.RETRYING) {
                throw new Problem(ProblemKind.CONFLICT, "NOT_RETRYABLE", "送交 " + id + " 当前为 " + h.state + "，无需重试");
            }
            again(h);
            LOG.info("Handover of case {} to {} put back to pending by {}", h.caseNo, h.departmentCode, actor);
            return h.toDTO();
        });
    }

    @Override
    public int retryAllDead(Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        return tx(em -> {
            List<HandoverEntity> dead = em.createQuery("SELECT h.id FROM HandoverEntity h WHERE h.state = :dead ORDER BY h.id", Long.class)
                    .setParameter("dead", HandoverState.DEAD).getResultList().stream()
                    .map(id -> locked(em, id).handover()).filter(h -> h.state == HandoverState.DEAD).collect(Collectors.toList());
            dead.forEach(JpaHandoverOutbox::again);
            LOG.info("{} dead handovers put back to pending by {}", dead.size(), actor);
            return dead.size();
        });
    }

    /** Pending at once, with a fresh count of attempts; the delivery key stays, so the department sees the same delivery. */
    private static void again(HandoverEntity h) {
        h.state = HandoverState.PENDING;
        h.attempts = 0;
        h.nextAttemptAt = InstantColumns.now();
    }

    /**
     * The handover read again under its case's lock. Whoever changes a handover holds the lock of its case
     * first: the relay recording an attempt, a department's callback, an administrator's retry and the
     * window's withdrawal (which cancels it) take turns, and none writes back a state another has replaced.
     */
    private static Locked locked(EntityManager em, long id) {
        CaseEntity c = Cases.findForUpdate(em, find(em, id).caseNo);
        HandoverEntity h = find(em, id);
        em.refresh(h);
        return new Locked(h, c);
    }

    private record Locked(HandoverEntity handover, CaseEntity kase) {
    }

    private static HandoverEntity find(EntityManager em, long id) {
        HandoverEntity h = em.find(HandoverEntity.class, id);
        if (h == null) {
            throw Problem.notFound("HANDOVER_NOT_FOUND", "没有送交记录 " + id);
        }
        return h;
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Cases.tx(jpa, journal, work);
    }
}
