package org.onewindow.rest.internal;

import java.time.Duration;

import org.onewindow.rest.SessionStore;

/** The console's login sessions of staff: the cookie and header they travel in. */
final class Sessions extends SessionStore<AuthenticatedUser> {
    static final String COOKIE = "OW_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";

    Sessions(Duration idle) {
        super(idle);
    }
}
