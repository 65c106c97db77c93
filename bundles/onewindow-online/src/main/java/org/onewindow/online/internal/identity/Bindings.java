package org.onewindow.online.internal.identity;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.online.internal.common.Mobiles;
import org.onewindow.security.Actor;

/**
 * The verified mobile bindings ({@code ONLINE_CITIZEN}) and their trail ({@code ONLINE_BINDING_EVENT}, which the
 * sign-in's rules read), within the caller's transaction, so that a change and its event commit together; each event
 * goes to the node's audit trail in the same transaction ({@code BINDING_BOUND}, {@code BINDING_REVOKED},
 * {@code BINDING_READ}), the mobile masked.
 */
final class Bindings {
    private Bindings() {
    }

    static Optional<CitizenEntity> find(EntityManager em, String idNumber) {
        return Optional.ofNullable(em.find(CitizenEntity.class, idNumber));
    }

    static final String BOUND = "BINDING_BOUND";
    static final String REVOKED = "BINDING_REVOKED";
    static final String READ = "BINDING_READ";

    /**
     * Binds {@code contact}'s mobile to the ID number (a new binding, or in place of the one before) and records it;
     * {@code who} did it: the clerk at the window, or the citizen at the sign-in a verified code completed.
     */
    static void bind(EntityManager em, AuditTrail trail, Actor who, String idNumber, Contact contact, Instant at) {
        CitizenEntity c = em.find(CitizenEntity.class, idNumber);
        if (c == null) {
            em.persist(CitizenEntity.of(idNumber, contact, at));
        } else {
            c.set(contact, at);
        }
        em.persist(BindingEventEntity.of(idNumber, BindingEventEntity.BOUND, contact.path().name(), contact.mobile(), contact.reference(),
                contact.by(), null, at));
        trail.append(em.unwrap(Connection.class), AuditEvent.of(BOUND, who).on("BINDING", null).citizen(idNumber)
                .detail("mobile " + Mobiles.mask(contact.mobile()) + " via " + contact.path().name()
                        + (contact.reference() == null ? "" : " (" + contact.reference() + ")") + ", verified by " + contact.by()));
    }

    /** Ends the binding, if there is one, and records who ended it and why; answers whether there was one. */
    static boolean revoke(EntityManager em, AuditTrail trail, String idNumber, Actor actor, String reason, Instant at) {
        CitizenEntity c = em.find(CitizenEntity.class, idNumber);
        if (c == null) {
            return false;
        }
        em.remove(c);
        em.persist(BindingEventEntity.of(idNumber, BindingEventEntity.REVOKED, c.via.name(), c.mobile, c.reference, actor.name(), reason, at));
        trail.append(em.unwrap(Connection.class), AuditEvent.of(REVOKED, actor).on("BINDING", null).citizen(idNumber)
                .detail("mobile " + Mobiles.mask(c.mobile) + "; reason: " + reason));
        return true;
    }

    /** Records that staff read the binding. */
    static void read(EntityManager em, AuditTrail trail, String idNumber, Actor actor, Instant at) {
        em.persist(BindingEventEntity.of(idNumber, BindingEventEntity.READ, null, null, null, actor.name(), null, at));
        trail.append(em.unwrap(Connection.class), AuditEvent.of(READ, actor).on("BINDING", null).citizen(idNumber));
    }

    /** When the ID number's binding was last revoked, if ever. */
    static Optional<Instant> lastRevoked(EntityManager em, String idNumber) {
        Instant last = em.createQuery("SELECT MAX(e.at) FROM BindingEventEntity e WHERE e.idNumber = :id AND e.event = :revoked", Instant.class)
                .setParameter("id", idNumber).setParameter("revoked", BindingEventEntity.REVOKED).getSingleResult();
        return Optional.ofNullable(last);
    }

    /** The binding's changes and reads, oldest first. */
    static List<BindingEventEntity> history(EntityManager em, String idNumber) {
        return em.createQuery("SELECT e FROM BindingEventEntity e WHERE e.idNumber = :id ORDER BY e.at, e.id", BindingEventEntity.class)
                .setParameter("id", idNumber).getResultList();
    }

    /** The ID number's latest sign-ins, newest first. */
    static List<SignInEntity> signIns(EntityManager em, String idNumber, int max) {
        return em.createQuery("SELECT s FROM SignInEntity s WHERE s.idNumber = :id ORDER BY s.at DESC, s.id DESC", SignInEntity.class)
                .setParameter("id", idNumber).setMaxResults(max).getResultList();
    }
}
