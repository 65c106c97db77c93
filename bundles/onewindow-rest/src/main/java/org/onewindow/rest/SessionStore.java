package org.onewindow.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions in memory (a restart logs everyone out): a random id for an HttpOnly cookie, a
 * random CSRF token the page sends back with every change, and an idle timeout. The staff's console
 * sessions hold a user of the realm, the online channel's a signed-in citizen.
 *
 * @param <U> who is logged in
 */
public class SessionStore<U> {
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session<U>> open = new ConcurrentHashMap<>();
    private final Duration idle;

    public SessionStore(Duration idle) {
        this.idle = idle;
    }

    public Session<U> open(U user, Instant now) {
        Session<U> s = new Session<>(token(), token(), user, now);
        open.put(s.id, s);
        return s;
    }

    /** The session of a cookie value, if it exists and was used within the idle timeout; using it renews it. */
    public Optional<Session<U>> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        Session<U> s = open.get(id);
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

    public void close(String id) {
        if (id != null) {
            open.remove(id);
        }
    }

    /** Forgets sessions idle too long; a cheap sweep on each login keeps the map small. */
    public void sweep(Instant now) {
        open.values().removeIf(s -> s.lastSeen.plus(idle).isBefore(now));
    }

    public Duration idle() {
        return idle;
    }

    private String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One logged-in browser. */
    public static final class Session<U> {
        private final String id;
        private final String csrfToken;
        private final U user;
        private final Instant opened;
        private volatile Instant lastSeen;

        Session(String id, String csrfToken, U user, Instant now) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.user = user;
            this.opened = now;
            this.lastSeen = now;
        }

        /** When the user logged in. */
        public Instant opened() {
            return opened;
        }

        public String id() {
            return id;
        }

        public String csrfToken() {
            return csrfToken;
        }

        public U user() {
            return user;
        }

        /** Whether {@code token} is this session's CSRF token, compared in constant time. */
        public boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
