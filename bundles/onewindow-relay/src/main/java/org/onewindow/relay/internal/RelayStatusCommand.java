package org.onewindow.relay.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverOutbox;
import org.onewindow.intake.HandoverPage;
import org.onewindow.intake.HandoverState;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:relay-status}: the department routes, the outbox and what is stuck in it. */
@Command(scope = "onewindow", name = "relay-status", description = "Shows the department routes and the relay outbox (pending, retrying, dead)")
@Service
public class RelayStatusCommand implements Action {

    @Option(name = "--state", description = "List handovers in this state: PENDING, RETRYING, DEAD, DONE, CANCELLED (default: DEAD and RETRYING)")
    String state;

    @Option(name = "--max", description = "How many handovers to list")
    int max = 20;

    @Reference
    RelayWorker worker;

    @Reference
    Departments departments;

    @Reference
    HandoverOutbox outbox;

    @Reference
    Session session;

    @Override
    public Object execute() {
        System.out.println("Routes");
        departments.all().values().forEach(r -> System.out.printf("  %-8s %-6s %s%n", r.code, r.mode, r.url == null ? "" : r.url));
        worker.status().forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        if (state != null) {
            list(HandoverState.valueOf(state.toUpperCase(Locale.ROOT)));
        } else {
            list(HandoverState.DEAD);
            list(HandoverState.RETRYING);
        }
        return null;
    }

    private void list(HandoverState s) {
        HandoverPage page = outbox.list(s, 1, Math.max(1, Math.min(max, 500)), ShellActor.of(session));
        System.out.printf("%s (%d)%n", s, page.total);
        for (HandoverDTO h : page.items) {
            System.out.printf("  #%-6d %-22s %-6s attempts %-3d %s%n", h.id, h.caseNo, h.departmentCode, h.attempts,
                    h.lastError == null ? "" : h.lastError);
        }
    }
}
