package org.onewindow.relay.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverOutbox;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:relay-retry}: puts a dead handover (or all of them) back to pending. */
@Command(scope = "onewindow", name = "relay-retry", description = "Tries a dead or retrying handover again at once (same delivery key)")
@Service
public class RelayRetryCommand implements Action {

    @Argument(index = 0, name = "id", description = "The handover number shown by relay-status", required = false)
    Long id;

    @Option(name = "--all-dead", description = "Retry every dead handover")
    boolean allDead;

    @Reference
    HandoverOutbox outbox;

    @Reference
    Session session;

    @Override
    public Object execute() {
        if (allDead) {
            System.out.printf("%d dead handovers put back to pending%n", outbox.retryAllDead(ShellActor.of(session)));
        } else if (id != null) {
            HandoverDTO h = outbox.retry(id, ShellActor.of(session));
            System.out.printf("Handover #%d of case %s to %s is %s again%n", h.id, h.caseNo, h.departmentCode, h.state);
        } else {
            System.out.println("Give a handover number, or --all-dead");
        }
        return null;
    }
}
