package org.onewindow.queue.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.queue.CallDTO;
import org.onewindow.queue.HallBoardDTO;
import org.onewindow.queue.QueueService;
import org.onewindow.shell.DisplayTable;

/** {@code onewindow:queue-status}: each group's waiting count and the latest calls, as the hall screen shows them. */
@Command(scope = "onewindow", name = "queue-status", description = "Shows today's queue: waiting per group, the latest calls")
@Service
public class QueueStatusCommand implements Action {

    @Reference
    QueueService queue;

    @Override
    public Object execute() {
        HallBoardDTO board = queue.board(10);
        DisplayTable groups = new DisplayTable().column("Group").column("Letter").column("Name").column("Waiting", DisplayTable.Align.RIGHT);
        board.groups().forEach(g -> groups.row(g.code(), g.prefix(), g.name(), g.waiting()));
        groups.print(System.out);
        System.out.printf("%d windows serving; latest calls:%n", board.windows().stream().filter(w -> w.state().name().equals("OPEN")).count());
        for (CallDTO c : board.calls()) {
            System.out.printf("  %s  %s -> window %d%n", c.calledAt(), c.number(), c.window());
        }
        return null;
    }
}
