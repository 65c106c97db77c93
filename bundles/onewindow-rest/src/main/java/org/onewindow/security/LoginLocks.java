package org.onewindow.security;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** The accounts locked after repeated failed logins, for administrators to see and open again. */
@ProviderType
public interface LoginLocks {

    /** Until when {@code user} is locked, or {@code null} when the account is open. */
    Instant lockedUntil(String user);

    /** Opens a locked account at once and forgets its failed logins. */
    void unlock(String user);
}
