package org.onewindow.online.internal;

import java.util.Date;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** The mobile a citizen's ID number signs in with: bound at the first sign-in, changed only at a window. */
@Entity
@Table(name = "ONLINE_CITIZEN")
public class CitizenEntity {
    @Id
    @Column(name = "ID_NUMBER")
    String idNumber;

    String mobile;

    @Column(name = "BOUND_AT")
    @Temporal(TemporalType.TIMESTAMP)
    Date boundAt;

    @Column(name = "BOUND_BY")
    String boundBy;

    static CitizenEntity of(String idNumber, String mobile, String by) {
        CitizenEntity c = new CitizenEntity();
        c.idNumber = idNumber;
        c.mobile = mobile;
        c.boundAt = new Date();
        c.boundBy = by;
        return c;
    }
}
