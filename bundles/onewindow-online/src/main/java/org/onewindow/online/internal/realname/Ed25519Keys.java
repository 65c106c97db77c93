package org.onewindow.online.internal.realname;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.onewindow.db.PrivateFiles;

/**
 * Ed25519 keys in PEM files and signatures with them, from the JDK alone (no shared secret: each side
 * keeps its private key and gives the other its public key). A private key is written 0600.
 */
final class Ed25519Keys {
    private static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    /** The key pair kept in {@code privateFile} (PKCS#8), made on first use, with its public key beside it in {@code publicFile}. */
    static KeyPair loadOrCreate(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        if (!Files.exists(privateFile)) {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            PrivateFiles.create(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return pair;
        }
        KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
        PrivateKey priv = keys.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile, StandardCharsets.US_ASCII))));
        PublicKey pub = readPublic(publicFile);
        return new KeyPair(pub, priv);
    }

    /** A public key from a PEM file ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(Files.readString(file, StandardCharsets.US_ASCII))));
    }

    /** The signature of {@code data}, base64. */
    static String sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(data);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    /** Whether {@code signature} (base64) is {@code key}'s over {@code data}. */
    static boolean verify(PublicKey key, byte[] data, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] pem(String type, byte[] der) {
        return ("-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type
                + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").strip());
    }
}
