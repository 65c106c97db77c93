package org.onewindow.replication;

/**
 * A district asking the hub to federate it, with the public key of the key pair it made for itself. The
 * request is signed with that key's private half ({@link SignedRequests}): whoever registers holds the key.
 */
public class RegistrationDTO {
    /** The district's six-digit administrative division code. */
    public String district;
    public String name;
    /** The OneWindow release the district runs. */
    public String version;
    /** The key's scheme, a name {@link SignatureAlgorithms} knows ({@value SignatureAlgorithms#ED25519} by default). */
    public String algorithm;
    /** The public key, base64 of its X.509 SubjectPublicKeyInfo encoding. */
    public String publicKey;
    /** The one-time enrolment code a city administrator issued for this district, where the hub asks for one. */
    public String enrolmentCode;
}
