package org.onewindow.online.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

/**
 * The verified mobile bindings ({@code ONLINE_CITIZEN}) and their trail ({@code ONLINE_BINDING_EVENT}),
 * within the caller's transaction, so that a change and its event commit together.
 */
final class Bindings {
    private Bindings() {
    }

    static Optional<CitizenEntity> find(EntityManager em, String idNumber) {
        return Optional.ofNullable(em.find(CitizenEntity.class, idNumber));
    }

    /** Binds {@code contact}'s mobile to the ID number (a new binding, or in place of the one before) and records it. */
    static void bind(EntityManager em, String idNumber, Contact contact, Date at) {
        CitizenEntity c = em.find(CitizenEntity.class, idNumber);
        if (c == null) {
            em.persist(CitizenEntity.of(idNumber, contact, at));
        } else {
            c.set(contact, at);
        }
        em.persist(BindingEventEntity.of(idNumber, BindingEventEntity.BOUND, contact.path().name(), contact.mobile(), contact.reference(),
                contact.by(), null, at));
    }

    /** Ends the binding, if there is one, and records who ended it and why; answers whether there was one. */
    static boolean revoke(EntityManager em, String idNumber, String actor, String reason, Date at) {
        CitizenEntity c = em.find(CitizenEntity.class, idNumber);
        if (c == null) {
            return false;
        }
        em.remove(c);
        em.persist(BindingEventEntity.of(idNumber, BindingEventEntity.REVOKED, c.via.name(), c.mobile, c.reference, actor, reason, at));
        return true;
    }

    /** Records that staff read the binding. */
    static void read(EntityManager em, String idNumber, String actor, Date at) {
        em.persist(BindingEventEntity.of(idNumber, BindingEventEntity.READ, null, null, null, actor, null, at));
    }

    /** When the ID number's binding was last revoked, if ever. */
    static Optional<Instant> lastRevoked(EntityManager em, String idNumber) {
        Date last = em.createQuery("SELECT MAX(e.at) FROM BindingEventEntity e WHERE e.idNumber = :id AND e.event = :revoked", Date.class)
                .setParameter("id", idNumber).setParameter("revoked", BindingEventEntity.REVOKED).getSingleResult();
        return Optional.ofNullable(last).map(Date::toInstant);
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
