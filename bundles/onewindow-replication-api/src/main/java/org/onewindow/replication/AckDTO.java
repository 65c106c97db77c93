package org.onewindow.replication;

/** The hub's acknowledgement: the highest sequence number of the district it has applied. */
public class AckDTO {
    public long acked;
    /** Records of this batch applied now (0 for a repeated batch). */
    public int applied;
}
