package org.onewindow.replication;

/** The hub's answer to a registered district: its state, and the key the hub has registered for it. */
public class RegistrationStateDTO {
    public String district;
    public DistrictState state;
    public String algorithm;
    /** The registered public key's fingerprint, in groups of four ({@link KeyFingerprints}). */
    public String fingerprint;
}
