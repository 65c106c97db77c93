package org.onewindow.access.internal.shell;

import java.time.Instant;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.onewindow.access.internal.events.AccessEvent;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.access.internal.login.LoginGuard;
import org.onewindow.shell.ShellActor;

/**
 * The first module of the shell's realm: the web logins' lock-out for SSH. It refuses a client that
 * must wait or is locked out of the account before the password is looked at, and counts what the
 * realm's password module decided: JAAS calls {@code commit} on success and {@code abort} on failure.
 * Shell accounts are kept apart from web accounts in the guard ({@code shell:} names).
 */
public class ShellLoginModule implements LoginModule {
    /** The option carrying the staff logins whose guard and access log this module uses. */
    static final String ACCESS = "onewindow.access";

    private Subject subject;
    private CallbackHandler callbacks;
    private JaasStaffLogins access;
    private String user;
    private String client;
    private boolean refused;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.access = (JaasStaffLogins) options.get(ACCESS);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("Username: ");
        try {
            callbacks.handle(new Callback[] {name});
        } catch (Exception e) {
            throw new LoginException("No user name: " + e.getMessage());
        }
        user = name.getName() == null ? "" : name.getName().strip();
        client = client(subject);
        Instant now = access.clock().instant();
        LoginGuard guard = access.guard();
        if (guard.throttled(client, now) != null || guard.locked(key(user), client, now)) {
            refused = true;
            throw new FailedLoginException("login failed");
        }
        return true;
    }

    @Override
    public boolean commit() {
        access.guard().succeeded(key(user), client);
        access.events().record(access.clock().instant(), AccessEvent.SHELL_LOGIN, key(user), client, "SHELL", null, null);
        return true;
    }

    @Override
    public boolean abort() {
        if (user == null) {
            return true;
        }
        Instant now = access.clock().instant();
        LoginGuard.Failure f = access.guard().failed(key(user), client, now);
        access.events().record(now, refused ? AccessEvent.LOGIN_REFUSED_LOCKED : AccessEvent.SHELL_LOGIN_FAILED, key(user), client, "SHELL",
                null, null);
        if (f.pairLocked()) {
            access.events().record(now, AccessEvent.LOGIN_LOCKED, key(user), client, "SHELL", null, null);
        }
        return true;
    }

    @Override
    public boolean logout() {
        return true;
    }

    /** The guard's name of a shell account, apart from the web account of the same name. */
    static String key(String user) {
        return "shell:" + user;
    }

    /** The SSH client's address without its port, as the shell's commands are recorded with it. */
    static String client(Subject subject) {
        return ShellActor.client(subject);
    }
}
