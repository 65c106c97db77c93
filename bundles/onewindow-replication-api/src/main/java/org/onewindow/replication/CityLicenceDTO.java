package org.onewindow.replication;

/** A licence in the citywide library: where it is held and its record as that district stored it. */
public class CityLicenceDTO {
    /** The district whose library holds it. */
    public String district;
    /** The licence as stored (JSON text): its status {@code VALID} or {@code REVOKED}; expiry is the reader's to judge. */
    public String payload;
}
