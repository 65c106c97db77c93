package org.onewindow.online.internal.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.onewindow.intake.ApplicantContactDTO;
import org.onewindow.intake.Channel;
import org.onewindow.online.internal.common.Mobiles;

/**
 * Which of a citizen's own cases vouches for a mobile: the newest one a clerk of this hall took in at a
 * window with the applicant there in person (so the clerk saw their ID card), whose phone is a mobile,
 * taken in after {@code notBefore} (the binding's last revocation, and not so long ago that the number
 * may have passed to someone else: operators give unused numbers out again). Not a case of the online
 * channel or the kiosk, not one an agent brought, not one another district took in, not one the appliance opened.
 */
final class WindowContacts {
    private WindowContacts() {
    }

    /** {@code contacts} newest first, as intake gives them. */
    static Optional<Contact> pick(List<ApplicantContactDTO> contacts, Instant notBefore) {
        for (ApplicantContactDTO c : contacts) {
            if (c.channel == Channel.WINDOW && !c.byAgent && c.originDistrict == null && byClerk(c.createdBy)
                    && !Instant.parse(c.createdAt).isBefore(notBefore) && Mobiles.isMobile(c.phone)) {
                return Optional.of(new Contact(Mobiles.check(c.phone), BindingPath.WINDOW_CASE, c.caseNo, c.createdBy, false));
            }
        }
        return Optional.empty();
    }

    /** A person at a window: not the online channel acting for a citizen, nor the appliance itself. */
    private static boolean byClerk(String createdBy) {
        return createdBy != null && !createdBy.startsWith("citizen:") && !createdBy.startsWith("system:");
    }
}
