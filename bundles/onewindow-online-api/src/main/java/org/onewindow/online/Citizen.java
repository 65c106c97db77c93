package org.onewindow.online;

import org.onewindow.citizen.IdNumbers;

/** A citizen signed in to the online channel: their checked ID number and the verified mobile the code reached. */
public record Citizen(String idNumber, String mobile) {

    /** The ID number as logs and history show it. */
    public String masked() {
        return IdNumbers.mask(idNumber);
    }

    @Override
    public String toString() {
        return "citizen:" + masked();
    }
}
