package org.onewindow.online.internal.identity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

/** The verified mobile a citizen's ID number signs in with, and how it was verified; a row exists only while bound. */
@Entity
@Table(name = "ONLINE_CITIZEN")
public class CitizenEntity {
    @Id
    @Column(name = "ID_NUMBER")
    String idNumber;

    String mobile;

    @Column(name = "BOUND_AT")
    Instant boundAt;

    @Column(name = "BOUND_BY")
    String boundBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "BOUND_VIA")
    BindingPath via;

    @Column(name = "BOUND_REF")
    String reference;

    static CitizenEntity of(String idNumber, Contact contact, Instant at) {
        CitizenEntity c = new CitizenEntity();
        c.idNumber = idNumber;
        c.set(contact, at);
        return c;
    }

    void set(Contact contact, Instant at) {
        mobile = contact.mobile();
        via = contact.path();
        reference = contact.reference();
        boundBy = contact.by();
        boundAt = at;
    }
}
