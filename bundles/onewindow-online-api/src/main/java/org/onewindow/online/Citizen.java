package org.onewindow.online;

import org.onewindow.citizen.IdNumbers;

/** A citizen signed in to the online channel: their checked ID number and the verified mobile the code reached. */
public final class Citizen {
    private final String idNumber;
    private final String mobile;

    public Citizen(String idNumber, String mobile) {
        this.idNumber = idNumber;
        this.mobile = mobile;
    }

    public String idNumber() {
        return idNumber;
    }

    public String mobile() {
        return mobile;
    }

    /** The ID number as logs and history show it. */
    public String masked() {
        return IdNumbers.mask(idNumber);
    }

    @Override
    public String toString() {
        return "citizen:" + masked();
    }
}
