package org.onewindow.replication;

/** A district's signed request for its own records the hub holds after {@link #after}, at most {@link #limit} of them. */
public class ReconciliationRequestDTO {
    public long after;
    public int limit;
}
