package org.onewindow.intake.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseQuery;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.IntakeService;
import org.onewindow.shell.DisplayTable;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:case-list}: the latest cases, by status or item. */
@Command(scope = "onewindow", name = "case-list", description = "Lists cases, newest first")
@Service
public class CaseListCommand implements Action {

    @Reference
    IntakeService intake;

    @Reference
    Session session;

    @Option(name = "-s", aliases = "--status", description = "Only cases in this status, e.g. DRAFT, ACCEPTED")
    CaseStatus status;

    @Option(name = "-i", aliases = "--item", description = "Only cases of this item code")
    String item;

    @Option(name = "-n", aliases = "--size", description = "How many (up to 500)")
    int size = 50;

    @Override
    public Object execute() {
        CaseQuery query = new CaseQuery();
        query.status = status;
        query.item = item;
        query.size = size;
        CasePage page = intake.search(query, ShellActor.of(session));
        DisplayTable table = new DisplayTable().column("Case").column("Status").column("Item").column("Applicant")
                .column("Visits", DisplayTable.Align.RIGHT).column("Taken in");
        for (CaseDTO c : page.items) {
            table.row(c.caseNo, c.status == null ? null : c.status.label(), c.itemCode + " " + c.itemName,
                    c.applicant.name + " " + IdNumbers.mask(c.applicant.idNumber), c.visits, c.createdAt);
        }
        table.print(System.out);
        System.out.printf("%d of %d cases%n", page.items.size(), page.total);
        return null;
    }
}
