package org.onewindow.online.internal.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.RecentCounts;
import org.onewindow.security.Hmac;

/**
 * One-time sign-in codes, in memory: six random digits per ID number, valid for {@code ttl}, void
 * after {@code attempts} wrong entries or one right one, each remembering the verified contact it was
 * sent to. Sending is limited per ID number (an interval, and a number per hour) and asking per client
 * address (a number per hour, whether a code was sent or not), so that neither a citizen's phone nor the
 * notifier can be flooded, nor ID numbers tried one after another; real-name verifications are limited per
 * ID number like codes, so that the service cannot be used to guess whose a mobile is. Only the code's hash is kept.
 */
final class SignInCodes {
    private static final Duration HOUR = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final RecentCounts sentTo = new RecentCounts(HOUR);
    private final RecentCounts askedBy = new RecentCounts(HOUR);
    private final RecentCounts verified = new RecentCounts(HOUR);
    private final Limits limits;

    /** How long codes live and how often they may be sent. */
    record Limits(Duration ttl, int attempts, Duration interval, int perIdPerHour, int perClientPerHour) {
    }

    SignInCodes(Limits limits) {
        this.limits = limits;
    }

    /** Counts an ask from {@code client} (for a code or a verification); {@code TOO_MANY_CODES} past the hour's number. */
    synchronized void ask(String client, Instant now) {
        if (askedBy.count(client, now) >= limits.perClientPerHour()) {
            throw tooMany("本终端获取验证码过于频繁，请一小时后再试");
        }
        askedBy.add(client, now);
    }

    /** Whether a code may be sent for {@code idNumber} now; {@code TOO_MANY_CODES} if not. Nothing is counted. */
    synchronized void checkSend(String idNumber, Instant now) {
        Instant last = sentTo.last(idNumber, now);
        if (last != null && last.plus(limits.interval()).isAfter(now)) {
            throw tooMany("验证码已发送，请 " + limits.interval().toSeconds() + " 秒后再获取");
        }
        if (sentTo.count(idNumber, now) >= limits.perIdPerHour()) {
            throw tooMany("该证件号码一小时内获取验证码已达 " + limits.perIdPerHour() + " 次，请稍后再试");
        }
    }

    /** Counts a real-name verification of {@code idNumber}: as many per hour as codes; {@code TOO_MANY_CODES} past them. */
    synchronized void verification(String idNumber, Instant now) {
        if (verified.count(idNumber, now) >= limits.perIdPerHour()) {
            throw tooMany("该证件号码一小时内实名核验已达 " + limits.perIdPerHour() + " 次，请稍后再试");
        }
        verified.add(idNumber, now);
    }

    /**
     * A new code for {@code idNumber} to be sent to {@code contact}; the one before it is void. The ID
     * number's limits are checked and counted at once (the client's by {@link #ask}).
     */
    synchronized String issue(String idNumber, Contact contact, Instant now) {
        checkSend(idNumber, now);
        sentTo.add(idNumber, now);
        String code = String.format("%06d", random.nextInt(1_000_000));
        pending.put(idNumber, new Pending(Hmac.sha256(Hmac.utf8(idNumber + ":" + code)), contact, now.plus(limits.ttl())));
        return code;
    }

    /**
     * The contact the code for {@code idNumber} was sent to, if {@code code} is it and still valid; the
     * code is used up. {@code CODE_EXPIRED} when there is none or it is too old, {@code WRONG_CODE}
     * (with the entries left), {@code CODE_LOCKED} after too many.
     */
    Contact verify(String idNumber, String code, Instant now) {
        Pending p = pending.get(idNumber);
        if (p == null || !p.expires.isAfter(now)) {
            pending.remove(idNumber, p);
            throw new Problem(ProblemKind.UNAUTHORIZED, "CODE_EXPIRED", "验证码已失效，请重新获取");
        }
        synchronized (p) {
            if (p.wrong >= limits.attempts()) {
                throw locked();
            }
            String given = code == null ? "" : code.strip();
            if (Hmac.matches(p.hash, Hmac.sha256(Hmac.utf8(idNumber + ":" + given)))) {
                pending.remove(idNumber, p);
                return p.contact;
            }
            p.wrong++;
            if (p.wrong >= limits.attempts()) {
                pending.remove(idNumber, p);
                throw locked();
            }
            throw new Problem(ProblemKind.UNAUTHORIZED, "WRONG_CODE", "验证码不正确，还可输入 " + (limits.attempts() - p.wrong) + " 次");
        }
    }

    /** Forgets expired codes and old counts; called on every issue, so the maps stay small. */
    void sweep(Instant now) {
        pending.values().removeIf(p -> !p.expires.isAfter(now));
        sentTo.sweep(now);
        askedBy.sweep(now);
        verified.sweep(now);
    }

    private static Problem tooMany(String message) {
        return new Problem(ProblemKind.TOO_MANY_REQUESTS, "TOO_MANY_CODES", message);
    }

    private Problem locked() {
        return new Problem(ProblemKind.TOO_MANY_REQUESTS, "CODE_LOCKED", "验证码输错 " + limits.attempts() + " 次已作废，请重新获取");
    }

    /** A code waiting to be entered. */
    private static final class Pending {
        final String hash;
        final Contact contact;
        final Instant expires;
        int wrong;

        Pending(String hash, Contact contact, Instant expires) {
            this.hash = hash;
            this.contact = contact;
            this.expires = expires;
        }
    }
}
