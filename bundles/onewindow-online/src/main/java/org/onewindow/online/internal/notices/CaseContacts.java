package org.onewindow.online.internal.notices;

import org.onewindow.intake.CaseDTO;
import org.onewindow.online.internal.common.Mobiles;

/**
 * Where a citizen is told about a case: the applicant's mobile on the case itself (noted at the window,
 * or the verified mobile the citizen applied online with), never a mobile bound to their ID number later.
 */
public final class CaseContacts {
    private CaseContacts() {
    }

    public static String mobile(CaseDTO c) {
        return c == null || c.applicant == null ? null : mobile(c.applicant.phone);
    }

    /** The phone if it is a mobile that can take a text, else none. */
    static String mobile(String phone) {
        return phone != null && Mobiles.isMobile(phone) ? Mobiles.check(phone) : null;
    }
}
