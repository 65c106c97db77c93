package org.onewindow.online.internal.identity;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A citizen's sign-in, for them to see where and when their account was used: the client address is kept masked only. */
@Entity
@Table(name = "ONLINE_SIGN_IN")
public class SignInEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "ID_NUMBER")
    String idNumber;

    @Column(name = "SIGNED_IN_AT")
    Instant at;

    String channel;

    /** Masked when written ({@link ClientAddresses#mask}). */
    String client;

    static SignInEntity of(String idNumber, Instant at, String channel, String maskedClient) {
        SignInEntity s = new SignInEntity();
        s.idNumber = idNumber;
        s.at = at;
        s.channel = channel;
        s.client = maskedClient;
        return s;
    }
}
