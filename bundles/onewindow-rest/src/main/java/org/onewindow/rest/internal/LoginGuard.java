package org.onewindow.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an account after repeated failed logins, whichever way they come (the console's login or
 * HTTP Basic): {@code maxFailures} failures within {@code lock} lock it for {@code lock} from the last one.
 */
final class LoginGuard {
    private final int maxFailures;
    private final Duration lock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginGuard(int maxFailures, Duration lock) {
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    /** Until when the account is locked, or {@code null} when it is not. */
    Instant lockedUntil(String user, Instant now) {
        Failures f = failures.get(key(user));
        if (f == null || f.count < maxFailures) {
            return null;
        }
        Instant until = f.last.plus(lock);
        return until.isAfter(now) ? until : null;
    }

    void failed(String user, Instant now) {
        failures.compute(key(user), (k, f) -> f == null || f.last.plus(lock).isBefore(now) ? new Failures(1, now)
                : new Failures(f.count + 1, now));
    }

    void succeeded(String user) {
        failures.remove(key(user));
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    private static final class Failures {
        final int count;
        final Instant last;

        Failures(int count, Instant last) {
            this.count = count;
            this.last = last;
        }
    }
}
