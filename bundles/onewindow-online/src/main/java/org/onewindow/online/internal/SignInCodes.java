package org.onewindow.online.internal;

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
 * after {@code attempts} wrong entries or one right one. Sending is limited per ID number (an
 * interval, and a number per hour) and per client address (a number per hour), so that neither a
 * citizen's phone nor the notifier can be flooded. Only the code's hash is kept.
 */
final class SignInCodes {
    private static final Duration HOUR = Duration.ofHours(1);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final RecentCounts sentTo = new RecentCounts(HOUR);
    private final RecentCounts askedBy = new RecentCounts(HOUR);
    private final Limits limits;

    /** How long codes live and how often they may be sent. */
    static final class Limits {
        final Duration ttl;
        final int attempts;
        final Duration interval;
        final int perIdPerHour;
        final int perClientPerHour;

        Limits(Duration ttl, int attempts, Duration interval, int perIdPerHour, int perClientPerHour) {
            this.ttl = ttl;
            this.attempts = attempts;
            this.interval = interval;
            this.perIdPerHour = perIdPerHour;
            this.perClientPerHour = perClientPerHour;
        }
    }

    SignInCodes(Limits limits) {
        this.limits = limits;
    }

    /**
     * A new code for {@code idNumber} to be sent to {@code mobile}; the one before it is void. One at
     * a time, so that a client's and an ID number's counts are checked and counted together.
     */
    synchronized String issue(String idNumber, String mobile, String client, Instant now) {
        if (askedBy.count(client, now) >= limits.perClientPerHour) {
            throw tooMany("本终端获取验证码过于频繁，请一小时后再试");
        }
        Instant last = sentTo.last(idNumber, now);
        if (last != null && last.plus(limits.interval).isAfter(now)) {
            throw tooMany("验证码已发送，请 " + limits.interval.toSeconds() + " 秒后再获取");
        }
        if (sentTo.count(idNumber, now) >= limits.perIdPerHour) {
            throw tooMany("该证件号码一小时内获取验证码已达 " + limits.perIdPerHour + " 次，请稍后再试");
        }
        sentTo.add(idNumber, now);
        askedBy.add(client, now);
        String code = String.format("%06d", random.nextInt(1_000_000));
        pending.put(idNumber, new Pending(Hmac.sha256(Hmac.utf8(idNumber + ":" + code)), mobile, now.plus(limits.ttl)));
        return code;
    }

    /**
     * The mobile the code for {@code idNumber} was sent to, if {@code code} is it and still valid; the
     * code is used up. {@code CODE_EXPIRED} when there is none or it is too old, {@code WRONG_CODE}
     * (with the entries left), {@code CODE_LOCKED} after too many.
     */
    String verify(String idNumber, String code, Instant now) {
        Pending p = pending.get(idNumber);
        if (p == null || !p.expires.isAfter(now)) {
            pending.remove(idNumber, p);
            throw new Problem(ProblemKind.UNAUTHORIZED, "CODE_EXPIRED", "验证码已失效，请重新获取");
        }
        synchronized (p) {
            if (p.wrong >= limits.attempts) {
                throw locked();
            }
            String given = code == null ? "" : code.strip();
            if (Hmac.matches(p.hash, Hmac.sha256(Hmac.utf8(idNumber + ":" + given)))) {
                pending.remove(idNumber, p);
                return p.mobile;
            }
            p.wrong++;
            if (p.wrong >= limits.attempts) {
                pending.remove(idNumber, p);
                throw locked();
            }
            throw new Problem(ProblemKind.UNAUTHORIZED, "WRONG_CODE", "验证码不正确，还可输入 " + (limits.attempts - p.wrong) + " 次");
        }
    }

    /** Forgets expired codes and old counts; called on every issue, so the maps stay small. */
    void sweep(Instant now) {
        pending.values().removeIf(p -> !p.expires.isAfter(now));
        sentTo.sweep(now);
        askedBy.sweep(now);
    }

    private static Problem tooMany(String message) {
        return new Problem(ProblemKind.TOO_MANY_REQUESTS, "TOO_MANY_CODES", message);
    }

    private Problem locked() {
        return new Problem(ProblemKind.TOO_MANY_REQUESTS, "CODE_LOCKED", "验证码输错 " + limits.attempts + " 次已作废，请重新获取");
    }

    /** A code waiting to be entered. */
    private static final class Pending {
        final String hash;
        final String mobile;
        final Instant expires;
        int wrong;

        Pending(String hash, String mobile, Instant expires) {
            this.hash = hash;
            this.mobile = mobile;
            this.expires = expires;
        }
    }
}
