package org.onewindow.licences.internal;

import java.time.LocalDate;
import java.util.Comparator;

import org.onewindow.licences.LicenceStatus;

/** Whether a licence may stand in for a material today (一号申办): the rules, and nothing else. */
final class ReuseRules {
    /** Why a licence may or may not be reused. */
    enum Verdict {
        USABLE,
        WRONG_TYPE,
        OTHER_HOLDER,
        REVOKED,
        EXPIRED,
        /** Issued, but its validity starts later. */
        NOT_YET_VALID
    }

    /** Longest-lived first: a licence without end, then the latest {@code validTo}. */
    static final Comparator<LicenceEntity> LONGEST_LIVED = Comparator.comparing((LicenceEntity l) -> l.validTo,
            Comparator.nullsFirst(Comparator.reverseOrder())).thenComparing(l -> l.issuedOn, Comparator.reverseOrder());

    private ReuseRules() {
    }

    static Verdict judge(LicenceEntity licence, String holderId, String type, LocalDate today) {
        if (!licence.type.equals(type)) {
            return Verdict.WRONG_TYPE;
        }
        if (!licence.holderId.equals(holderId)) {
            return Verdict.OTHER_HOLDER;
        }
        LicenceStatus status = licence.statusOn(today);
        if (status == LicenceStatus.REVOKED) {
            return Verdict.REVOKED;
        }
        if (status == LicenceStatus.EXPIRED) {
            return Verdict.EXPIRED;
        }
        return licence.validFrom.isAfter(today) ? Verdict.NOT_YET_VALID : Verdict.USABLE;
    }
}
