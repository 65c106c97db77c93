package org.onewindow.queue.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.queue.QueueService;
import org.onewindow.shell.DisplayTable;

/** {@code onewindow:window-list}: the hall's windows, what they serve, who is signed in, the number served. */
@Command(scope = "onewindow", name = "window-list", description = "Lists the hall's windows: groups served, state, clerk, current number")
@Service
public class WindowListCommand implements Action {

    @Reference
    QueueService queue;

    @Override
    public Object execute() {
        DisplayTable table = new DisplayTable().column("Window", DisplayTable.Align.RIGHT).column("Groups").column("State").column("Clerk")
                .column("Serving");
        queue.windows().forEach(w -> table.row(w.no(), String.join(",", w.groups()), w.state(), w.clerk() == null ? "" : w.clerk(),
                w.currentNumber() == null ? "" : w.currentNumber()));
        table.print(System.out);
        return null;
    }
}
