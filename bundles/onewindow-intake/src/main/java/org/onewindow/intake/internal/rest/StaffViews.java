package org.onewindow.intake.internal.rest;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.PartyDTO;

/**
 * A case as it leaves for a member of staff over the API: every ID number masked ({@link IdNumbers#mask}), the
 * parties' and a licence's whose number is an ID number. Staff need no whole number on a page: the clerk saw the ID
 * card, the hand-out checks the number on the server, and the papers that carry it mask it too. The services keep
 * giving the whole number to the appliance's own work that the law needs it for (the relay to a department's system,
 * the hand-over to another district, the hub's replica, the citizen's own cases).
 */
final class StaffViews {
    private StaffViews() {
    }

    static CaseDTO masked(CaseDTO c) {
        if (c == null) {
            return null;
        }
        mask(c.applicant);
        mask(c.agent);
        if (c.materials != null) {
            for (CaseMaterialDTO m : c.materials) {
                if (m.licenceNo != null && IdNumbers.isValid(IdType.RESIDENT_ID, m.licenceNo)) {
                    m.licenceNo = IdNumbers.mask(m.licenceNo);
                }
            }
        }
        return c;
    }

    static CasePage masked(CasePage page) {
        if (page.items != null) {
            page.items.forEach(StaffViews::masked);
        }
        return page;
    }

    private static void mask(PartyDTO party) {
        if (party != null && party.idNumber != null) {
            party.idNumber = IdNumbers.mask(party.idNumber);
        }
    }
}
