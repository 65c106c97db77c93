package org.onewindow.replication.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.onewindow.replication.SignatureAlgorithm;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SigningKey;

/**
 * This district's own key pair, made on this appliance and kept in one file, {@code district-key.pem} (mode
 * 0600, in a folder of mode 0700, by default {@code ${karaf.data}/onewindow/federation}): the private key as
 * PKCS#8 ({@code PRIVATE KEY}, which {@code openssl pkey} reads), then the public key as X.509 ({@code PUBLIC KEY});
 * one file, replaced by one atomic move, so the two halves never disagree. The private key never leaves the
 * appliance; the hub only ever sees the public one. A backup of {@code data/} carries the key along with the
 * journal it signs, so a restored appliance is the same district to the hub.
 */
final class DistrictKeyStore {
    static final String FILE_NAME = "district-key.pem";
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private final Path folder;

    DistrictKeyStore(Path folder) {
        this.folder = folder;
    }

    static DistrictKeyStore inKarafData() {
        return new DistrictKeyStore(Path.of(System.getProperty("karaf.data", "data"), "onewindow", "federation"));
    }

    Path folder() {
        return folder;
    }

    /** The key pair this appliance made, for {@code district}; null if it has none yet. */
    SigningKey load(String district) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            byte[] publicKey = pem(text, "PUBLIC KEY");
            SignatureAlgorithm algorithm = schemeOf(publicKey);
            PrivateKey privateKey = algorithm.privateKey(pem(text, "PRIVATE KEY"));
            SigningKey out = new SigningKey(district, algorithm, privateKey, publicKey);
            byte[] probe = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
            if (!algorithm.verify(algorithm.publicKey(publicKey), probe, algorithm.sign(privateKey, probe))) {
                throw new IllegalStateException("The private and the public key in " + file + " do not belong together");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read this district's key from " + folder, e);
        }
    }

    /** A new key pair of {@code algorithm}, written in place of any earlier one. */
    SigningKey create(String district, SignatureAlgorithm algorithm) {
        KeyPair pair = algorithm.generate();
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, FOLDER);
            write(FILE_NAME, pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write this district's key to " + folder, e);
        }
        return new SigningKey(district, algorithm, pair.getPrivate(), pair.getPublic().getEncoded());
    }

    /** Written to a file created 0600, then moved into place, so that no reader sees half of it and no one else can read it. */
    private void write(String name, String text) throws IOException {
        Path temporary = folder.resolve(name + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(FILE));
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("A temporary key file is in the way: " + temporary, e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The scheme whose public keys this encoding is one of. */
    private static SignatureAlgorithm schemeOf(byte[] publicKey) {
        for (String name : SignatureAlgorithms.names()) {
            SignatureAlgorithm a = SignatureAlgorithms.named(name);
            try {
                a.publicKey(publicKey);
                return a;
            } catch (IllegalArgumentException notThisOne) {
                // try the next scheme
            }
        }
        throw new IllegalStateException("This district's public key is of no signature scheme known here: " + SignatureAlgorithms.names());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static byte[] pem(String text, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("Not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
