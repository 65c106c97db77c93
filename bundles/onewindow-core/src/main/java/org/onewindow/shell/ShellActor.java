package org.onewindow.shell;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.security.Actor;

/** The shell user as a service actor: Karaf runs commands as the logged-in subject, with its roles. */
public final class ShellActor {
    private ShellActor() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 hands the shell subject over through the access control context
    public static Actor of(Session session) {
        Object user = session.get("USER");
        Subject subject = Subject.getSubject(AccessController.getContext());
        Set<String> names = subject == null ? Set.of()
                : subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).collect(Collectors.toSet());
        Set<String> roles = names.stream().filter(Actor.ROLES::contains).collect(Collectors.toSet());
        return new Actor("shell:" + (user == null ? "karaf" : user), roles, Actor.departmentsOf(names), client(subject));
    }

    /**
     * The SSH client's address without its port ({@code /127.0.0.1:51234} becomes {@code 127.0.0.1}); {@code local} for the
     * appliance's own console and for commands run inside it.
     */
    public static String client(Subject subject) {
        if (subject != null) {
            for (ClientPrincipal p : subject.getPrincipals(ClientPrincipal.class)) {
                String a = p.getAddress() == null ? "" : p.getAddress();
                a = a.substring(a.indexOf('/') + 1);
                int colon = a.lastIndexOf(':');
                if (colon > 0 && a.substring(colon + 1).matches("\\d+")) {
                    a = a.substring(0, colon);
                }
                if (a.startsWith("[") && a.endsWith("]")) {
                    a = a.substring(1, a.length() - 1);
                }
                return a.isEmpty() ? "ssh" : a;
            }
        }
        return "local";
    }
}
