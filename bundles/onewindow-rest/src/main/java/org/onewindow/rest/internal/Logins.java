package org.onewindow.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Predicate;

import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a user name and password against the realm, with the lock-out of {@link LoginGuard}: the one way in. */
final class Logins {
    private static final Logger LOG = LoggerFactory.getLogger(Logins.class);

    private final Authenticator authenticator;
    private final LoginGuard guard;
    private final Predicate<String> known;
    private final Clock clock;

    /**
     * @param known whether a user exists: failures for names nobody has lock nothing (and are not kept),
     *        so a mistyped or not-yet-created name neither locks a real account nor grows the guard
     */
    Logins(Authenticator authenticator, LoginGuard guard, Predicate<String> known, Clock clock) {
        this.authenticator = authenticator;
        this.guard = guard;
        this.known = known;
        this.clock = clock;
    }

    /**
     * The user, or a problem: {@code UNAUTHENTICATED} (401) for a wrong name or password,
     * {@code ACCOUNT_LOCKED} (429) while the account is locked, even with the right password.
     * The password is wiped afterwards.
     */
    AuthenticatedUser login(String name, char[] password) {
        try {
            Instant now = clock.instant();
            Instant until = guard.lockedUntil(name, now);
            if (until != null) {
                LOG.warn("Login refused for locked user {}", name);
                throw new Problem(ProblemKind.TOO_MANY_REQUESTS, "ACCOUNT_LOCKED",
                        "登录失败次数过多，账户已锁定，请于 " + Math.max(1, (until.getEpochSecond() - now.getEpochSecond() + 59) / 60)
                                + " 分钟后再试，或请管理员解锁");
            }
            AuthenticatedUser user = authenticator.authenticate(name, password).orElse(null);
            if (user == null) {
                if (known.test(name)) {
                    guard.failed(name, now);
                }
                LOG.warn("Failed login for user {}", name);
                throw unauthenticated();
            }
            guard.succeeded(name);
            return user;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static Problem unauthenticated() {
        return new Problem(ProblemKind.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录（用户名和密码不正确或缺失）");
    }
}
