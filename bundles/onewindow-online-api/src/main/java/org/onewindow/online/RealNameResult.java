package org.onewindow.online;

/** What a real-name verification service answered. */
public class RealNameResult {
    /** Whether the mobile is registered in the real name of that ID number and name. */
    public boolean verified;
    /** The service's reference of the verification, kept with the binding it makes. */
    public String reference;

    public RealNameResult() {
    }

    public RealNameResult(boolean verified, String reference) {
        this.verified = verified;
        this.reference = reference;
    }
}
