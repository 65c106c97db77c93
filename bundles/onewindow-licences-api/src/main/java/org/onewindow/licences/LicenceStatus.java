package org.onewindow.licences;

/** Where a licence stands today. */
public enum LicenceStatus {
    VALID,
    /** Withdrawn by its issuer (吊销、撤销、注销): never reused. */
    REVOKED,
    /** Past its {@code validTo} day: never reused. */
    EXPIRED
}
