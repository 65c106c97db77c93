package org.onewindow.rest.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import org.onewindow.access.LoginAttempt;
import org.onewindow.access.LoginOutcome;
import org.onewindow.access.Requirement;
import org.onewindow.access.StaffLogins;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.SessionStore;

/**
 * The edge's side of staff logins: a login through {@link StaffLogins}, its refusals as JSON problems
 * with stable codes, and whether an open session or an account's requirements still let a request in.
 */
final class StaffAccess {
    private final StaffLogins logins;

    StaffAccess(StaffLogins logins) {
        this.logins = logins;
    }

    /** The user, or the problem that tells the caller as much as they may know. The password is wiped. */
    AuthenticatedUser login(String user, char[] password, String secondFactor, String client, LoginAttempt.Channel channel) {
        try {
            LoginOutcome outcome = logins.login(new LoginAttempt(user, password, secondFactor, client, channel));
            if (outcome instanceof LoginOutcome.Granted granted) {
                return new AuthenticatedUser(granted.user(), granted.roles());
            }
            throw refusal((LoginOutcome.Refused) outcome);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Whether a session opened at {@code opened} still stands: nobody else changed the account since. */
    boolean stands(SessionStore.Session<AuthenticatedUser> session) {
        Instant changed = logins.changedAt(session.user().getUserPrincipal().getName());
        return changed == null || changed.isBefore(session.opened());
    }

    Set<Requirement> requirements(AuthenticatedUser user) {
        return logins.requirements(user.getUserPrincipal().getName());
    }

    /** The refusal of a request by a user who must first {@code requirement}. */
    static Problem unmet(Requirement requirement) {
        return switch (requirement) {
            case CHANGE_PASSWORD -> new Problem(ProblemKind.FORBIDDEN, "PASSWORD_CHANGE_REQUIRED",
                    "请先修改密码（管理员设置的初始密码或已过期的密码须由本人修改）：PUT /api/v1/account/password");
            case ENROL_SECOND_FACTOR -> new Problem(ProblemKind.FORBIDDEN, "SECOND_FACTOR_ENROLMENT_REQUIRED",
                    "该账户须启用双因素认证（身份验证器动态码）后才能工作：在控制台“我的账户”中绑定");
        };
    }

    static Problem refusal(LoginOutcome.Refused refused) {
        return switch (refused.reason()) {
            case BAD_CREDENTIALS -> unauthenticated();
            case SECOND_FACTOR_REQUIRED -> new Problem(ProblemKind.UNAUTHORIZED, "SECOND_FACTOR_REQUIRED",
                    "该账户须同时提供身份验证器上的 6 位动态码（或一个恢复码）；脚本以 " + AccessFilter.SECOND_FACTOR_HEADER + " 头发送");
            case SECOND_FACTOR_INVALID -> new Problem(ProblemKind.UNAUTHORIZED, "SECOND_FACTOR_INVALID",
                    "动态码不正确、已过期或已用过，请输入身份验证器上的新动态码");
            case CLIENT_THROTTLED -> Problem.tooManyRequests("TOO_MANY_ATTEMPTS",
                    "本机登录失败次数过多，请 " + Math.max(1, refused.retryAfter().toSeconds()) + " 秒后再试", refused.retryAfter());
        };
    }

    /** One answer for an unknown user, a wrong password and an account locked for this client. */
    static Problem unauthenticated() {
        return new Problem(ProblemKind.UNAUTHORIZED, "UNAUTHENTICATED",
                "请先登录（用户名或密码不正确或缺失；多次失败后该账户在本机暂时锁定）");
    }
}
