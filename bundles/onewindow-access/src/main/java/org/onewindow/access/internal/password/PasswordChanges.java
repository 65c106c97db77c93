package org.onewindow.access.internal.password;

import java.time.Instant;

import org.onewindow.access.internal.events.AccessEvent;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.access.internal.users.SecretFiles;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;

/**
 * A new password, by its owner or by a security administrator: the policy, no reuse of the last ones,
 * the realm's store (hashed there by bcrypt), the password's life, the access log. A password an
 * administrator set must be changed by its owner at the next login.
 */
public final class PasswordChanges {
    private final JaasStaffLogins access;

    public PasswordChanges(JaasStaffLogins access) {
        this.access = access;
    }

    /** The owner's change: the current password proves it is them. */
    public void own(String user, char[] current, String next, String client) {
        PasswordPolicy policy = access.policy();
        Instant now = access.clock().instant();
        if (access.passwords().check(user, current).isEmpty()) {
            access.guard().failed(user, client, now);
            access.events().record(now, AccessEvent.LOGIN_FAILED, user, client, "CONSOLE", user, "wrong current password at a password change");
            throw new Problem(ProblemKind.FORBIDDEN, "CURRENT_PASSWORD_WRONG", "当前密码不正确");
        }
        policy.check(user, next);
        if (next.equals(new String(current))) {
            throw PasswordPolicy.weak("新密码不能与当前密码相同");
        }
        refuseReuse(user, next, policy);
        write(user, next);
        access.credentials().passwordSet(user, next, user, false, now, policy.history());
        access.events().record(now, AccessEvent.PASSWORD_CHANGED, user, client, null, user, null);
        access.ownChange(user);
    }

    /** A security administrator's setting of another's password (a new account, a forgotten password). */
    public void set(String user, String next, String by) {
        PasswordPolicy policy = access.policy();
        Instant now = access.clock().instant();
        policy.check(user, next);
        refuseReuse(user, next, policy);
        write(user, next);
        access.credentials().passwordSet(user, next, by, true, now, policy.history());
        access.events().record(now, AccessEvent.PASSWORD_SET, user, null, null, by, "the owner must change it at the next login");
        access.changedByOthers(user);
    }

    private void refuseReuse(String user, String next, PasswordPolicy policy) {
        if (access.credentials().reused(user, next, policy.history())) {
            throw Problem.badRequest("PASSWORD_REUSED", "不能使用最近 " + policy.history() + " 次用过的密码");
        }
    }

    /** Writes the password, hashed, into the realm's store. */
    private void write(String user, String password) {
        Boolean written = access.changeStore(engine -> {
            if (engine.lookupUser(user) == null) {
                return false;
            }
            engine.addUser(user, password);
            return true;
        });
        if (!Boolean.TRUE.equals(written)) {
            throw Problem.notFound("USER_NOT_FOUND", "没有用户 " + user);
        }
        SecretFiles.ownerOnly(access.usersFile());
    }
}
