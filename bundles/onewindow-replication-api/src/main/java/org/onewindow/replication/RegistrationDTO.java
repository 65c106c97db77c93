package org.onewindow.replication;

/** A district asking the hub to federate it. */
public class RegistrationDTO {
    /** The district's six-digit administrative division code. */
    public String district;
    public String name;
    /** The OneWindow release the district runs. */
    public String version;
    /** A random secret of the district (at least 32 characters): only its holder may fetch the key once approved. */
    public String token;
}
