package org.onewindow.tls.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.TreeSet;

import javax.crypto.spec.SecretKeySpec;

/**
 * A PKCS#12 keystore of shared secrets ({@code etc/onewindow/secrets.p12}), each a secret-key entry under an
 * alias, its password in the {@code 0600} file beside it ({@code secrets.password}), made on the first
 * {@link #store}. Secrets are kept as the bytes of their UTF-8 text.
 */
public final class SecretKeystore {
    private static final String ALGORITHM = "HmacSHA256";
    private final Path file;
    private final Path passwordFile;

    public SecretKeystore(Path file) {
        this.file = file;
        String name = file.getFileName().toString();
        this.passwordFile = file.resolveSibling((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + ".password");
    }

    public Path file() {
        return file;
    }

    /** The secret stored under {@code alias}. */
    public String read(String alias) {
        try {
            KeyStore store = load(false);
            KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(password(false)));
            if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
                throw new IllegalArgumentException("no secret " + alias + " in " + file);
            }
            return new String(secret.getSecretKey().getEncoded(), StandardCharsets.UTF_8);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read secret " + alias + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stores (or replaces) {@code secret} under {@code alias}, making the keystore and its password file if needed. */
    public void store(String alias, char[] secret) throws IOException, GeneralSecurityException {
        if (!alias.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("an alias is 1-64 letters, digits, '.', '_' or '-': " + alias);
        }
        KeyStore store = load(true);
        byte[] bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret)).array();
        int length = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret)).limit();
        char[] password = password(true);
        store.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, 0, length, ALGORITHM)), new KeyStore.PasswordProtection(password));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        PrivateFiles.write(file, out.toByteArray());
        java.util.Arrays.fill(bytes, (byte) 0);
    }

    /** The aliases stored, sorted. */
    public TreeSet<String> aliases() throws IOException, GeneralSecurityException {
        TreeSet<String> out = new TreeSet<>();
        if (Files.exists(file)) {
            java.util.Collections.list(load(false).aliases()).forEach(out::add);
        }
        return out;
    }

    private KeyStore load(boolean createIfMissing) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        if (!Files.exists(file)) {
            if (!createIfMissing) {
                throw new IOException("no keystore " + file);
            }
            store.load(null, null);
            return store;
        }
        PrivateFiles.ownerOnly(file);
        store.load(new ByteArrayInputStream(Files.readAllBytes(file)), password(false));
        return store;
    }

    private char[] password(boolean createIfMissing) throws IOException {
        if (!Files.exists(passwordFile)) {
            if (!createIfMissing) {
                throw new IOException("no password file " + passwordFile);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            PrivateFiles.write(passwordFile, (Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        PrivateFiles.ownerOnly(passwordFile);
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
    }
}
