package org.onewindow.online;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The online channel's signed-in citizens, for another capability's public endpoint that acts for the citizen of a
 * request (the online hall's rating of their own case): {@code 401 SIGN_IN_REQUIRED} without a live session, {@code 403
 * CSRF_REJECTED} for a change without the session's token.
 */
@ProviderType
public interface CitizenSessions {
    /** The session cookie's name. */
    String COOKIE = "OW_CITIZEN";
    /**
     * Where the browser sends the cookie: every citizens' endpoint, the online channel's and the others' acting for the
     * citizen (the rating of their own case at {@code /api/v1/public/evaluation}).
     */
    String COOKIE_PATH = "/api/v1/public";
    /** The header that carries the session's CSRF token on a change. */
    String CSRF_HEADER = "X-CSRF-Token";

    Citizen require(String sessionId, String csrf, boolean change);
}
