package org.onewindow.replication;

import org.onewindow.audit.ChainBreak;

/** The hub's acknowledgement: the highest sequence number of the district it has applied. */
public class AckDTO {
    public long acked;
    /** Records of this batch applied now (0 for a repeated batch). */
    public int applied;
    /**
     * Whether the hub checked that the district's journal continues the one it holds (the digest of the record at its
     * acknowledged number): only then is a district's start confirmed ({@code HUB_CHECK_PENDING} lifted). False when the
     * batch did not reach that number (the district then ships after {@link #acked}); null from a hub of before (2.1).
     */
    public Boolean verified;
    /** The last record of the district's audit trail the hub holds; null from a hub that keeps no trails. */
    public Long auditAcked;
    /** Where the hub found the district's audit chain broken, and refuses it from: null while it holds. */
    public ChainBreak auditBreak;
}
