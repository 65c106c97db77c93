package org.onewindow.intake.internal.shell;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.HistoryEntryDTO;
import org.onewindow.intake.IntakeService;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:case-show CASENO}: one case, its materials and history (the read is audited). */
@Command(scope = "onewindow", name = "case-show", description = "Shows a case: item, applicant (masked), materials, history")
@Service
public class CaseShowCommand implements Action {

    @Reference
    IntakeService intake;

    @Reference
    Session session;

    @Argument(index = 0, name = "caseNo", required = true, description = "The case number, e.g. 441302-20261128-0001")
    String caseNo;

    @Override
    public Object execute() {
        CaseDTO c = intake.get(caseNo, ShellActor.of(session));
        // statuses and channels as case-list and the hall name them, not as the API's codes
        System.out.printf("%s  %s%n", c.caseNo, c.status.label());
        System.out.printf("  item       %s %s (v%d, %s)%n", c.itemCode, c.itemName, c.itemVersion, c.departmentName);
        System.out.printf("  applicant  %s %s%n", c.applicant.name, IdNumbers.mask(c.applicant.idNumber));
        System.out.printf("  channel    %s, visits %d, taken in %s by %s%n", c.channel == null ? "" : c.channel.label(), c.visits, c.createdAt, c.createdBy);
        System.out.println("  materials");
        for (CaseMaterialDTO m : c.materials) {
            System.out.printf("    [%s] %s %s%s%n", m.received ? "x" : " ", m.code, m.name, m.required ? "" : " (optional)");
        }
        System.out.println("  history");
        for (HistoryEntryDTO h : c.history) {
            System.out.printf("    %s %-10s %s -> %s %s%n", h.at, h.by, h.from == null ? "" : h.from.label(), h.to.label(), h.note == null ? "" : h.note);
        }
        System.out.println("  next: " + c.next.stream().map(CaseStatus::label).collect(Collectors.joining("、")));
        return null;
    }
}
