package org.onewindow.access.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.access.internal.login.JaasStaffLogins;
import org.onewindow.access.internal.login.LoginGuard;

/** {@code onewindow:login-locks}: which clients are locked out of which accounts, web and shell alike. */
@Command(scope = "onewindow", name = "login-locks", description = "Lists the accounts locked for some clients after repeated failed logins")
@Service
public class LoginLocksCommand implements Action {

    @Reference
    JaasStaffLogins access;

    @Override
    public Object execute() {
        var locks = access.guard().locks(Instant.now());
        if (locks.isEmpty()) {
            System.out.println("No account is locked.");
        }
        System.out.printf(locks.isEmpty() ? "" : "%-24s %-40s %s%n", "ACCOUNT", "CLIENT", "LOCKED UNTIL");
        for (LoginGuard.Lock l : locks) {
            System.out.printf("%-24s %-40s %s%n", l.user(), l.client(), l.until());
        }
        return null;
    }
}
