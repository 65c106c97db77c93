package org.onewindow.audit.internal.feeds;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AccessController;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.CommandLoggingFilter;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.Outcome;
import org.onewindow.shell.ShellActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command typed at the Karaf shell (SSH or the local console) goes to the audit trail, as it ended: Karaf's shell
 * tracks {@link CommandSessionListener} services and calls them around each command line of every session. The line
 * is passed through Karaf's own {@link CommandLoggingFilter}s first (they hide passwords given to commands such as
 * {@code jaas:useradd}), and the trail masks any ID number in it.
 */
@Component(service = CommandSessionListener.class, immediate = true)
public class ShellCommandAudit implements CommandSessionListener {
    static final String ACTION = "SHELL_COMMAND";
    private static final Logger LOG = LoggerFactory.getLogger(ShellCommandAudit.class);

    @Reference
    AuditTrail trail;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<CommandLoggingFilter> filters = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        // recorded once it ended, with how
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        record(session, command, Outcome.FAILURE, exception.getClass().getSimpleName());
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        record(session, command, Outcome.SUCCESS, null);
    }

    private void record(CommandSession session, CharSequence command, Outcome outcome, String failure) {
        String script = startupScript(command);
        String line = script != null ? "(start-up script " + script + ")" : filtered(command);
        if (line.isBlank()) {
            return;
        }
        try {
            @SuppressWarnings("removal") // Karaf 4.4 runs a command as the logged-in subject of the access control context
            Subject subject = Subject.getSubject(AccessController.getContext());
            // the logged-in subject's user first: a session opened inside the appliance may carry no USER variable
            Object user = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst().orElse(null);
            user = user != null ? user : session.get("USER");
            Set<String> roles = subject == null ? Set.of()
                    : subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).collect(Collectors.toSet());
            trail.record(AuditEvent.by(ACTION, "shell:" + (user == null ? "karaf" : user)).roles(roles).client(ShellActor.client(subject))
                    .channel("SHELL").on("COMMAND", script != null ? "(start-up)" : line.split("\\s+", 2)[0]).outcome(outcome)
                    .detail(failure == null ? line : line + "  => " + failure));
        } catch (RuntimeException e) {
            // the command has run: it cannot be undone, but it must not pass unnoticed
            LOG.error("A shell command could not be recorded in the audit trail", e);
        }
    }

    /**
     * The file name when {@code command} is one of the scripts Karaf runs as each session opens ({@code etc/shell.init.script},
     * {@code etc/scripts/*.script}): recorded by name, not as the whole script, every session.
     */
    static String startupScript(CharSequence command) {
        String text = command == null ? "" : command.toString().strip();
        if (text.indexOf('\n') < 0) {
            return null;
        }
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        List<Path> scripts = new ArrayList<>();
        scripts.add(etc.resolve("shell.init.script"));
        try (DirectoryStream<Path> more = Files.newDirectoryStream(etc.resolve("scripts"), "*.script")) {
            more.forEach(scripts::add);
        } catch (IOException | RuntimeException none) {
            // no scripts folder
        }
        for (Path p : scripts) {
            try {
                if (Files.isRegularFile(p) && Files.readString(p).strip().equals(text)) {
                    return "etc/" + etc.relativize(p);
                }
            } catch (IOException | RuntimeException unreadable) {
                // not this one
            }
        }
        return null;
    }

    private String filtered(CharSequence command) {
        CharSequence out = command == null ? "" : command;
        for (CommandLoggingFilter f : filters) {
            out = f.filter(out);
        }
        return out.toString().strip();
    }
}
