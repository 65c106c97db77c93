package org.onewindow.replication;

/** A district's standing at the hub. Only an {@code APPROVED} district's batches are accepted. */
public enum DistrictState {
    /** Registered, waiting for a city administrator. */
    PENDING,
    APPROVED,
    /** Paused by an administrator; may be resumed. */
    SUSPENDED,
    /** For good: its key is void and it must register anew. */
    REVOKED
}
