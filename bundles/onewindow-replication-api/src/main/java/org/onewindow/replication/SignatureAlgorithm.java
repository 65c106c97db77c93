package org.onewindow.replication;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A public-key signature scheme a district signs its requests to the hub with. The JDK's Ed25519 and
 * ECDSA on P-256 come built in ({@link SignatureAlgorithms}); another scheme, such as SM2 with SM3 from a
 * provider like BouncyCastle, is one more implementation registered there, and callers do not change.
 */
@ConsumerType
public interface SignatureAlgorithm {

    /** The name a district registers its key with, e.g. {@code Ed25519}. */
    String name();

    /** A new key pair, from a strong source of randomness. */
    KeyPair generate();

    /**
     * The public key from its X.509 SubjectPublicKeyInfo encoding; an {@link IllegalArgumentException} if
     * it is not a key of this scheme (another curve, say).
     */
    PublicKey publicKey(byte[] x509);

    /** The private key from its PKCS#8 encoding; an {@link IllegalArgumentException} if it is not one of this scheme. */
    PrivateKey privateKey(byte[] pkcs8);

    byte[] sign(PrivateKey key, byte[] data);

    /** Whether {@code signature} is {@code key}'s over {@code data}; false, never an exception, for a malformed one. */
    boolean verify(PublicKey key, byte[] data, byte[] signature);
}
