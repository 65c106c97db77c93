package org.onewindow.access.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.access.internal.events.AccessEvent;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:login-unlock NAME}: opens an account for every client (a shell account as {@code shell:NAME}). */
@Command(scope = "onewindow", name = "login-unlock", description = "Opens an account locked after repeated failed logins, for every client")
@Service
public class LoginUnlockCommand implements Action {

    @Argument(index = 0, name = "account", required = true, description = "The user name (a shell operator's as shell:NAME)")
    String account;

    @Reference
    JaasStaffLogins access;

    @Reference
    Session session;

    @Override
    public Object execute() {
        access.guard().unlock(account);
        access.events().record(access.clock().instant(), AccessEvent.UNLOCKED, account, null, "SHELL", ShellActor.of(session).name(), null);
        System.out.println("Account " + account + " is open again for every client.");
        return null;
    }
}
