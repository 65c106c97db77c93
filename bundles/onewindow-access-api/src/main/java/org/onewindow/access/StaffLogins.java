package org.onewindow.access;

import java.time.Instant;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks staff logins: the password (a slow salted hash), the second factor where the account has
 * one, and the lock-outs that slow a guessing attacker without locking the owner out. A refusal says
 * as little as it can: an unknown user, a wrong password and a locked pair of account and client all
 * get the same {@link LoginOutcome.Reason#BAD_CREDENTIALS}, after the same work.
 */
@ProviderType
public interface StaffLogins {

    /** The outcome of one login; never throws for a refused one. The password is wiped afterwards. */
    LoginOutcome login(LoginAttempt attempt);

    /**
     * When the account was last changed by someone else in a way that must end its open sessions (its
     * password reset, its roles changed, its second factor reset, the account deleted), or {@code null}.
     */
    Instant changedAt(String user);

    /** What the account must still do before it may work, as of now (its own changes count at once). */
    Set<Requirement> requirements(String user);
}
