package org.onewindow.tls.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The appliance's own key and certificate chain: one PKCS#12 keystore under {@code etc/onewindow/tls}
 * ({@code appliance.p12}, {@code 0600}, alias {@code appliance}), its password in the {@code 0600} file beside it.
 * Jetty serves HTTPS with it and outgoing links present it as their client certificate. Made self-signed at the
 * first start; replaced whole, checked first, by the city CA's certificate ({@link #install}).
 */
public final class ApplianceKeystore {
    public static final String ALIAS = "appliance";
    private final Path file;
    private final Path passwordFile;

    public ApplianceKeystore(Path file) {
        this.file = file;
        this.passwordFile = file.resolveSibling("appliance.password");
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** Makes a key pair and a self-signed certificate for {@code names} unless the keystore exists; whether it made one. */
    public boolean ensure(List<String> names, String organisation) throws IOException, GeneralSecurityException {
        if (exists()) {
            PrivateFiles.ownerOnly(file);
            PrivateFiles.ownerOnly(passwordFile);
            return false;
        }
        KeyPair pair = CertificateMaker.keyPair();
        X509Certificate certificate = CertificateMaker.selfSigned(pair, names, organisation, Instant.now());
        write(pair.getPrivate(), new X509Certificate[] {certificate});
        return true;
    }

    /** The keystore's password, made (random, in the {@code 0600} file) when there is none yet. */
    public String password() throws IOException {
        if (!Files.exists(passwordFile)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            PrivateFiles.write(passwordFile, (Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        PrivateFiles.ownerOnly(passwordFile);
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }

    public KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Files.readAllBytes(file)), password().toCharArray());
        return store;
    }

    /** The certificate served, first of its chain. */
    public X509Certificate certificate() throws IOException, GeneralSecurityException {
        return (X509Certificate) load().getCertificate(ALIAS);
    }

    public List<X509Certificate> chain() throws IOException, GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : load().getCertificateChain(ALIAS)) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    /** This appliance's key and certificate as a client certificate (mutual TLS). */
    public KeyManager[] keyManagers() throws IOException, GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(load(), password().toCharArray());
        return factory.getKeyManagers();
    }

    /**
     * Replaces the key and chain by those in {@code files}: PEM files (the private key, unencrypted PKCS#8, PKCS#1 or
     * EC, and the certificate with its chain, in any order and split over files as the CA delivered them) or one
     * PKCS#12 file and its {@code pkcs12Password}. Refused whole, the old keystore kept, unless there is exactly one
     * private key, a certificate of that key valid now, and a chain that links up.
     *
     * @return the new chain, the served certificate first
     */
    public List<X509Certificate> install(List<Path> files, char[] pkcs12Password, Instant now) throws IOException, GeneralSecurityException {
        List<PrivateKey> keys = new ArrayList<>();
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN ")) {
                readPem(new StringReader(text), keys, certificates);
            } else {
                readPkcs12(bytes, pkcs12Password, keys, certificates, f);
            }
        }
        if (keys.size() != 1) {
            throw new GeneralSecurityException("expected exactly one private key in " + files + ", found " + keys.size()
                    + " (an encrypted key must be decrypted first: openssl pkcs8 -topk8 -nocrypt)");
        }
        List<X509Certificate> chain = order(keys.get(0), certificates);
        chain.get(0).checkValidity(Date.from(now));
        write(keys.get(0), chain.toArray(X509Certificate[]::new));
        return chain;
    }

    private void write(PrivateKey key, X509Certificate[] chain) throws IOException, GeneralSecurityException {
        char[] password = password().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, password, chain);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        PrivateFiles.write(file, out.toByteArray());
    }

    private static void readPem(Reader reader, List<PrivateKey> keys, List<X509Certificate> certificates) throws IOException, GeneralSecurityException {
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certificates.add(certificateConverter.getCertificate(holder));
                } else if (o instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getKeyPair(pair).getPrivate());
                } else if (o instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new GeneralSecurityException("the private key is encrypted: decrypt it first (openssl pkcs8 -topk8 -nocrypt)");
                }
            }
        }
    }

    private static void readPkcs12(byte[] bytes, char[] password, List<PrivateKey> keys, List<X509Certificate> certificates, Path f)
            throws IOException, GeneralSecurityException {
        if (password == null) {
            throw new GeneralSecurityException(f + " is not PEM: a PKCS#12 file needs its password (--password-file)");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(bytes), password);
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add((PrivateKey) store.getKey(alias, password));
                for (Certificate c : store.getCertificateChain(alias)) {
                    certificates.add((X509Certificate) c);
                }
            } else if (store.getCertificate(alias) instanceof X509Certificate c) {
                certificates.add(c);
            }
        }
    }

    /** The certificate of {@code key} first, then each issuer in turn, as far as the certificates given go. */
    static List<X509Certificate> order(PrivateKey key, List<X509Certificate> certificates) throws GeneralSecurityException {
        X509Certificate leaf = null;
        for (X509Certificate c : certificates) {
            if (matches(key, c.getPublicKey())) {
                leaf = c;
                break;
            }
        }
        if (leaf == null) {
            throw new GeneralSecurityException("no certificate given is of the private key given");
        }
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        for (X509Certificate current = leaf; !current.getSubjectX500Principal().equals(current.getIssuerX500Principal());) {
            X509Certificate issuer = null;
            for (X509Certificate c : certificates) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    current.verify(c.getPublicKey());
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                break; // the root itself need not be served
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }

    /** Whether the private key signs what the public key verifies. */
    private static boolean matches(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new GeneralSecurityException("unsupported key algorithm " + key.getAlgorithm());
        };
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }
}
