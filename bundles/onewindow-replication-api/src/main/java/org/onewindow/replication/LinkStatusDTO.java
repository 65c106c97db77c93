package org.onewindow.replication;

/** A district's link to the hub as the district sees it. */
public class LinkStatusDTO {
    public String hubUrl;
    /** Null before registration. */
    public DistrictState state;
    public String registeredAt;
    /** This district's own key: its scheme and its public key's fingerprint, which the city administrator compares. */
    public String keyAlgorithm;
    public String fingerprint;
    /** The highest journal number the hub acknowledged. */
    public long acked;
    /** The highest journal number written here. */
    public long journalLastSeq;
    public long backlog;
    public String lastShippedAt;
    public String lastError;
    /** The SHA-256 fingerprint of the hub's certificate this district pinned (HTTPS), or null over plain HTTP. */
    public String hubCertificate;
    /** The last record of this district's audit trail the hub holds. */
    public long auditShipped;
    /** Audit records the hub does not have yet. */
    public long auditBacklog;
    /** Where the hub found this district's audit chain broken and refuses it from; null while it holds. */
    public String auditBreak;
    /** Why new cases wait now ({@code HUB_CHECK_PENDING}, {@code RESTORE_RECONCILING}), in a clerk's words; null when they do not. */
    public String intakeHold;
    public String intakeHoldMessage;
    /** The last restore this district was found in and its reconciliation with the hub; null if it never was. */
    public RestoreStatusDTO restore;
}
