package org.onewindow.intake.internal.licences;

import java.time.LocalDate;

import org.onewindow.catalog.MaterialDTO;

/** When a material handed in for an earlier case may stand for one of a new case (历史办事数据复用). */
public final class EarlierMaterials {
    private EarlierMaterials() {
    }

    /** The same licence type, or, for materials without one, the same name. */
    public static boolean matches(MaterialDTO wanted, MaterialDTO earlier) {
        if (wanted.licenceType != null || earlier.licenceType != null) {
            return wanted.licenceType != null && wanted.licenceType.equals(earlier.licenceType);
        }
        return wanted.name.strip().equals(earlier.name.strip());
    }

    /** Received on {@code receivedOn}, it may be reused up to and including the returned day. */
    public static LocalDate reusableUntil(LocalDate receivedOn, int reuseDays) {
        return receivedOn.plusDays(reuseDays);
    }
}
