package org.onewindow.replication;

/**
 * A district federated before public keys moves to its own key pair, once: the request is signed with the
 * new private key and with the shared key the hub once gave it (or, not yet approved, carries its
 * registration token); the hub then keeps the public key and deletes the shared secret.
 */
public class KeyRolloverDTO {
    public String district;
    public String algorithm;
    /** The new public key, base64 of its X.509 encoding. */
    public String publicKey;
}
