package org.onewindow.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

/**
 * Ed25519 keys in PEM files and signatures over {@code timestamp + "." + body}, base64, as the real-name
 * protocol signs both ways (the appliance's {@code HttpRealNameVerifier} does the same with the JDK).
 */
public final class Ed25519 {
    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    /** The key pair in {@code privateFile} (PKCS#8 PEM, 0600), made if missing, its public key written to {@code publicFile}. */
    public static KeyPair loadOrCreate(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        if (!Files.exists(privateFile)) {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            if (privateFile.toAbsolutePath().getParent() != null) {
                Files.createDirectories(privateFile.toAbsolutePath().getParent());
            }
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return pair;
        }
        PrivateKey priv = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile))));
        return new KeyPair(readPublic(publicFile), priv);
    }

    public static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(Files.readString(file))));
    }

    /** A throwaway key pair (the forging scenario). */
    public static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    }

    /** The base64 signature over {@code epochSeconds + "." + body}. */
    public static String sign(PrivateKey key, long epochSeconds, byte[] body) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
        s.update(body);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    /** Whether {@code signature} is {@code key}'s over the timestamp as sent, a dot and the body. */
    public static boolean verify(PublicKey key, String timestamp, byte[] body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update((timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8));
            s.update(body);
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
