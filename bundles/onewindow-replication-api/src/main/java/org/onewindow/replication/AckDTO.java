package org.onewindow.replication;

import org.onewindow.audit.ChainBreak;

/** The hub's acknowledgement: the highest sequence number of the district it has applied. */
public class AckDTO {
    public long acked;
    /** Records of this batch applied now (0 for a repeated batch). */
    public int applied;
    /** The last record of the district's audit trail the hub holds; null from a hub that keeps no trails. */
    public Long auditAcked;
    /** Where the hub found the district's audit chain broken, and refuses it from: null while it holds. */
    public ChainBreak auditBreak;
}
