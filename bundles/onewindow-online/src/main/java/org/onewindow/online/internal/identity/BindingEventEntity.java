package org.onewindow.online.internal.identity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * One change of a citizen's mobile binding ({@code BOUND}, {@code REVOKED}, {@code DROPPED} by the
 * migration that closed first-sign-in binding), or one read of it by staff ({@code READ}): who, when,
 * by which path, with what reference or reason.
 */
@Entity
@Table(name = "ONLINE_BINDING_EVENT")
public class BindingEventEntity {
    static final String BOUND = "BOUND";
    static final String REVOKED = "REVOKED";
    static final String READ = "READ";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ID_NUMBER")
    String idNumber;

    String event;

    /** A {@link BindingPath}, or {@code FIRST_SIGN_IN} for a binding of before verification was required. */
    String via;

    String mobile;

    String reference;

    String actor;

    String reason;

    @Column(name = "EVENT_AT")
    Instant at;

    static BindingEventEntity of(String idNumber, String event, String via, String mobile, String reference, String actor, String reason,
            Instant at) {
        BindingEventEntity e = new BindingEventEntity();
        e.idNumber = idNumber;
        e.event = event;
        e.via = via;
        e.mobile = mobile;
        e.reference = reference;
        e.actor = actor;
        e.reason = reason;
        e.at = at;
        return e;
    }
}
