package org.onewindow.replication;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/** A scheme the JDK provides: Ed25519, or ECDSA with SHA-256 on one named curve (whose keys must be on that curve). */
final class JdkSignatureAlgorithm implements SignatureAlgorithm {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String name;
    private final String keyAlgorithm;
    private final String signatureAlgorithm;
    private final String curve;
    private final ECParameterSpec curveParameters;

    private JdkSignatureAlgorithm(String name, String keyAlgorithm, String signatureAlgorithm, String curve) {
        this.name = name;
        this.keyAlgorithm = keyAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
        this.curve = curve;
        try {
            if (curve == null) {
                curveParameters = null;
            } else {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(curve));
                curveParameters = parameters.getParameterSpec(ECParameterSpec.class);
            }
            // fail at once, not at the first request, where the JDK lacks the scheme
            KeyFactory.getInstance(keyAlgorithm);
            Signature.getInstance(signatureAlgorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is not available in this JDK", e);
        }
    }

    static SignatureAlgorithm ed25519() {
        return new JdkSignatureAlgorithm(SignatureAlgorithms.ED25519, "Ed25519", "Ed25519", null);
    }

    static SignatureAlgorithm ecdsaP256() {
        return new JdkSignatureAlgorithm(SignatureAlgorithms.ECDSA_P256, "EC", "SHA256withECDSA", "secp256r1");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve), RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make an " + name + " key pair", e);
        }
    }

    @Override
    public PublicKey publicKey(byte[] x509) {
        try {
            return onCurve(KeyFactory.getInstance(keyAlgorithm).generatePublic(new X509EncodedKeySpec(x509)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an " + name + " public key", e);
        }
    }

    @Override
    public PrivateKey privateKey(byte[] pkcs8) {
        try {
            return onCurve(KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an " + name + " private key", e);
        }
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(signatureAlgorithm);
            s.initSign(key, RANDOM);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with " + name, e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(signatureAlgorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a malformed signature, or a key of another scheme
            return false;
        }
    }

    /** The key itself, if it is on this scheme's curve: "EC" alone would take a key on any curve. */
    private <K extends Key> K onCurve(K key) {
        if (curveParameters != null) {
            ECParameterSpec p = ((ECKey) key).getParams();
            if (!p.getCurve().equals(curveParameters.getCurve()) || !p.getOrder().equals(curveParameters.getOrder())
                    || !p.getGenerator().equals(curveParameters.getGenerator())) {
                throw new IllegalArgumentException("an EC key not on " + curve);
            }
        }
        return key;
    }
}
