package org.onewindow.supervision.internal;

import java.time.Instant;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.shell.ShellActor;
import org.onewindow.supervision.CardBoardDTO;
import org.onewindow.supervision.CardColor;
import org.onewindow.supervision.CardDTO;
import org.onewindow.supervision.SupervisionService;

/** {@code onewindow:cards}: the yellow and red cards, as the supervisor's board shows them. */
@Command(scope = "onewindow", name = "cards", description = "Lists the yellow and red cards of open cases and the violations")
@Service
public class CardsCommand implements Action {

    @Option(name = "--color", description = "YELLOW or RED")
    String color;

    @Option(name = "--department", description = "A department code")
    String department;

    @Option(name = "--run", description = "Run supervision now before listing")
    boolean run;

    @Option(name = "--max", description = "How many cards to list")
    int max = 50;

    @Reference
    SupervisionService supervision;

    @Reference
    Session session;

    @Override
    public Object execute() {
        if (run) {
            supervision.run(Instant.now());
        }
        CardBoardDTO board = supervision.cards(color == null ? null : CardColor.valueOf(color.toUpperCase(Locale.ROOT)),
                department, ShellActor.of(session));
        System.out.printf("Last run %s: %s open cases; yellow %d, red %d, violations %d%n",
                board.lastRun == null ? "never" : board.lastRun.startedAt, board.lastRun == null ? "-" : board.lastRun.openCases,
                board.yellow, board.red, board.violations);
        board.warnings.forEach(w -> System.out.println("WARNING " + w));
        board.cards.stream().limit(Math.max(1, max)).forEach(this::print);
        return null;
    }

    private void print(CardDTO c) {
        if ("VIOLATION".equals(c.kind)) {
            System.out.printf("  RED    %-22s %-12s violation: %s%n", c.caseNo == null ? "-" : c.caseNo, c.itemCode, c.detail);
        } else {
            System.out.printf("  %-6s %-22s %-12s %-6s deadline %s, %s%s%n", c.color, c.caseNo, c.itemCode, c.departmentCode,
                    c.deadline, c.workingDaysLeft < 0 ? -c.workingDaysLeft + " working days overdue"
                            : c.workingDaysLeft + " working days left", c.suspended ? " (suspended)" : "");
        }
    }
}
