package org.onewindow.rest.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's login sessions, in memory (a restart logs everyone out): a random id for the
 * cookie, a random CSRF token the page sends back on every change, and an idle timeout.
 */
final class Sessions {
    static final String COOKIE = "OW_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final Duration idle;

    Sessions(Duration idle) {
        this.idle = idle;
    }

    Session open(AuthenticatedUser user, Instant now) {
        Session s = new Session(token(), token(), user, now);
        open.put(s.id, s);
        return s;
    }

    /** The session of a cookie value, if it exists and was used within the idle timeout; using it renews it. */
    Optional<Session> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = open.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.lastSeen.plus(idle).isBefore(now)) {
            open.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    void close(String id) {
        if (id != null) {
            open.remove(id);
        }
    }

    /** Forgets sessions idle too long; a cheap sweep on each login keeps the map small. */
    void sweep(Instant now) {
        open.values().removeIf(s -> s.lastSeen.plus(idle).isBefore(now));
    }

    Duration idle() {
        return idle;
    }

    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One logged-in browser. */
    static final class Session {
        final String id;
        final String csrfToken;
        final AuthenticatedUser user;
        volatile Instant lastSeen;

        Session(String id, String csrfToken, AuthenticatedUser user, Instant now) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.user = user;
            this.lastSeen = now;
        }

        /** Whether {@code token} is this session's CSRF token, compared in constant time. */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
