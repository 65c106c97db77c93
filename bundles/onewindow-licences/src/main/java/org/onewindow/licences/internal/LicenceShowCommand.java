package org.onewindow.licences.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.licences.PersonalCatalogDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.problem.Problem;
import org.onewindow.shell.ShellActor;

/**
 * {@code onewindow:licence-show --purpose ... HOLDER} lists a holder's personal catalog;
 * {@code onewindow:licence-show --purpose ... TYPE NUMBER} verifies one licence. Both are logged reads; options come first.
 */
@Command(scope = "onewindow", name = "licence-show",
        description = "Shows a holder's licences (HOLDER) or verifies one (TYPE NUMBER); options first: --case or --purpose is required, and the read is logged")
@Service
public class LicenceShowCommand implements Action {

    @Argument(index = 0, name = "holder-or-type", required = true, description = "A holder's ID number, or a licence type code")
    String first;

    @Argument(index = 1, name = "number", description = "The licence number, when verifying one licence")
    String number;

    @Option(name = "--case", description = "The case this read is for")
    String caseNo;

    @Option(name = "--purpose", description = "Why the licences are read, when not for a case")
    String purpose;

    @Reference
    LicenceService licences;

    @Reference
    Session session;

    @Override
    public Object execute() {
        try {
            Purpose why = Purpose.of(caseNo, purpose);
            if (number != null) {
                print(licences.verify(first, number, why, ShellActor.of(session)));
                return null;
            }
            PersonalCatalogDTO c = licences.personalCatalog(first, why, ShellActor.of(session));
            System.out.printf("Holder %s: %d licences, %d reusable earlier materials%n", c.holder, c.licences.size(),
                    c.earlierMaterials.size());
            c.licences.forEach(this::print);
            c.earlierMaterials.forEach(m -> System.out.printf("  earlier %-22s %-4s %s (received %s, reusable until %s)%n",
                    m.caseNo, m.materialCode, m.materialName, m.receivedAt, m.reusableUntil));
            System.out.println("Latest reads:");
            c.recentAccess.forEach(a -> System.out.printf("  %s %-12s %-11s %s%n", a.at, a.actor, a.action,
                    a.caseNo != null ? "case " + a.caseNo : "purpose " + a.purpose));
        } catch (Problem e) {
            System.out.println("Refused [" + e.code() + "]: " + e.getMessage());
        }
        return null;
    }

    private void print(LicenceDTO l) {
        System.out.printf("  %-8s %-28s %-24s %s %s, %s, valid %s..%s%s%n", l.status, l.type, l.number, l.typeName,
                IdNumbers.mask(l.holderId), l.issuerName, l.validFrom, l.validTo == null ? "长期" : l.validTo,
                l.caseNo == null ? "" : " (case " + l.caseNo + ")");
    }
}
