package org.onewindow.access;

import java.time.Duration;
import java.util.Set;

/** What became of a {@link LoginAttempt}: granted, with what the account must still do, or refused, and why. */
public sealed interface LoginOutcome {

    /** The user is who they say; {@code requirements} they must meet before anything but their own account. */
    record Granted(String user, Set<String> roles, Set<Requirement> requirements) implements LoginOutcome {
        public Granted {
            roles = Set.copyOf(roles);
            requirements = Set.copyOf(requirements);
        }
    }

    /** Refused; {@code retryAfter} is set when the client must wait before trying again. */
    record Refused(Reason reason, Duration retryAfter) implements LoginOutcome {
    }

    /** Why a login was refused; only the second-factor reasons follow a right password. */
    enum Reason {
        /** An unknown user, a wrong password, or an account locked for this client: one answer for all three. */
        BAD_CREDENTIALS,
        /** The password is right, and the account's second factor must come with it. */
        SECOND_FACTOR_REQUIRED,
        /** The password is right, the code is not (or was used already). */
        SECOND_FACTOR_INVALID,
        /** This client failed too often, whichever accounts it tried: it must wait. */
        CLIENT_THROTTLED
    }
}
