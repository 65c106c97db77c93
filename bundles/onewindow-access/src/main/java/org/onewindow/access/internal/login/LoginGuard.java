package org.onewindow.access.internal.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows a guessing attacker without handing them a way to lock the owner out.
 * <ul>
 * <li>A pair of account and client is locked after {@code pairFailures} failures within {@code lock},
 * for {@code lock} after the last one: the same account from another client is not.</li>
 * <li>An account that failed {@code accountAlarm} times within {@code lock}, from anywhere, is under
 * attack: then every client that failed on it even once is locked out of it, so that many addresses
 * get one guess each; a client that never failed still gets in.</li>
 * <li>A client that failed {@code clientFree} times within {@code lock}, whichever accounts it tried,
 * waits before each next try: 1 s, doubling with every further failure, up to {@code clientMaxDelay}.</li>
 * </ul>
 * Names of accounts nobody has count for the client only. Kept in memory: a restart forgets it.
 */
public final class LoginGuard {
    /** The limits; see the class comment. */
    public record Limits(int pairFailures, Duration lock, int accountAlarm, int clientFree, Duration clientMaxDelay) {
    }

    /** A locked pair, for the security administrator's view. */
    public record Lock(String user, String client, Instant until) {
    }

    /** What a failure did: whether it locked its pair, or put its account under attack, just now. */
    public record Failure(boolean pairLocked, boolean accountAlarmed, boolean clientThrottled) {
    }

    private final Limits limits;
    private final Map<String, Counter> pairs = new ConcurrentHashMap<>();
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> clients = new ConcurrentHashMap<>();
    private volatile Instant lastSweep;

    public LoginGuard(Limits limits) {
        this.limits = limits;
    }

    /** How long {@code client} must still wait before its next try, or {@code null} if it may try now. */
    public Duration throttled(String client, Instant now) {
        Counter c = live(clients, client, now);
        if (c == null || c.count < limits.clientFree()) {
            return null;
        }
        Instant until = c.last.plus(delay(c.count));
        return until.isAfter(now) ? Duration.between(now, until) : null;
    }

    /** Whether {@code client} is locked out of {@code user}'s account. */
    public boolean locked(String user, String client, Instant now) {
        Counter pair = live(pairs, pair(user, client), now);
        if (pair == null) {
            return false;
        }
        return pair.count >= (alarmed(user, now) ? 1 : limits.pairFailures());
    }

    /** Counts a failure of {@code client}, on the account {@code user} if it exists ({@code null} if not). */
    public Failure failed(String user, String client, Instant now) {
        sweep(now);
        bump(clients, client, now);
        boolean throttledNow = count(clients, client, now) == limits.clientFree();
        if (user == null) {
            return new Failure(false, false, throttledNow);
        }
        boolean wasLocked = locked(user, client, now);
        boolean wasAlarmed = alarmed(user, now);
        bump(pairs, pair(user, client), now);
        bump(accounts, key(user), now);
        return new Failure(!wasLocked && locked(user, client, now), !wasAlarmed && alarmed(user, now), throttledNow);
    }

    /** A right login from {@code client}: its pair starts afresh (the account's alarm and the client's count wait out their time). */
    public void succeeded(String user, String client) {
        pairs.remove(pair(user, client));
    }

    /** Opens the account for every client, and ends its alarm. */
    public void unlock(String user) {
        String prefix = key(user) + "\u0000";
        pairs.keySet().removeIf(k -> k.startsWith(prefix));
        accounts.remove(key(user));
    }

    /** The pairs locked now, latest lock first. */
    public List<Lock> locks(Instant now) {
        List<Lock> out = new ArrayList<>();
        pairs.forEach((k, c) -> {
            int split = k.indexOf('\u0000');
            String user = k.substring(0, split);
            String client = k.substring(split + 1);
            if (c.last.plus(limits.lock()).isAfter(now) && locked(user, client, now)) {
                out.add(new Lock(user, client, c.last.plus(limits.lock())));
            }
        });
        out.sort(Comparator.comparing(Lock::until).reversed());
        return out;
    }

    /** Until when some client is locked out of {@code user}, or {@code null}. */
    public Instant lockedUntil(String user, Instant now) {
        return locks(now).stream().filter(l -> l.user().equals(key(user))).map(Lock::until).findFirst().orElse(null);
    }

    /** Whether {@code user}'s account is under attack now. */
    public boolean alarmed(String user, Instant now) {
        return count(accounts, key(user), now) >= limits.accountAlarm();
    }

    private Duration delay(int failures) {
        int excess = Math.min(failures - limits.clientFree(), 20);
        Duration d = Duration.ofSeconds(1L << Math.max(0, excess));
        return d.compareTo(limits.clientMaxDelay()) > 0 ? limits.clientMaxDelay() : d;
    }

    private int count(Map<String, Counter> map, String key, Instant now) {
        Counter c = live(map, key, now);
        return c == null ? 0 : c.count;
    }

    /** The counter of {@code key} if its last failure is within the lock time. */
    private Counter live(Map<String, Counter> map, String key, Instant now) {
        Counter c = map.get(key);
        return c == null || c.last.plus(limits.lock()).isBefore(now) ? null : c;
    }

    private void bump(Map<String, Counter> map, String key, Instant now) {
        map.compute(key, (k, c) -> c == null || c.last.plus(limits.lock()).isBefore(now) ? new Counter(1, now) : new Counter(c.count + 1, now));
    }

    /**
     * Forgets what is older than the lock time, at most once a minute, so that the maps stay as small as
     * the attack of the last minutes without a walk over them at every failure.
     */
    private void sweep(Instant now) {
        Instant last = lastSweep;
        if (last != null && last.plusSeconds(60).isAfter(now)) {
            return;
        }
        lastSweep = now;
        Instant before = now.minus(limits.lock());
        pairs.values().removeIf(c -> c.last.isBefore(before));
        accounts.values().removeIf(c -> c.last.isBefore(before));
        clients.values().removeIf(c -> c.last.isBefore(before));
    }

    private static String pair(String user, String client) {
        return key(user) + "\u0000" + client;
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    private record Counter(int count, Instant last) {
    }
}
