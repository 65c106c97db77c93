package org.onewindow.replication;

/** The hub's answer to a registered district: its state and, once approved, its key. */
public class RegistrationStateDTO {
    public String district;
    public DistrictState state;
    /** The district's signing key, base64; only while approved. */
    public String key;
}
