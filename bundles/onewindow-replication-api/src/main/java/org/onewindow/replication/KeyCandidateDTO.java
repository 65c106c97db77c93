package org.onewindow.replication;

/**
 * A key someone registered for a district code that was taken: refused, but kept so that a security
 * administrator can make it the district's key (an appliance reinstalled) by naming its fingerprint.
 */
public class KeyCandidateDTO {
    public String fingerprint;
    public String algorithm;
    /** The name and release the registration gave. */
    public String name;
    public String version;
    public String arrivedAt;
}
