package org.onewindow.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash a citizen's ID number is kept under in the trail: HMAC-SHA256 with a key of this node's own, made
 * once and kept in a file only the appliance reads ({@code data/onewindow/audit/citizen.key}, 0600 in a 0700 folder).
 * An ID number is short and guessable (region, birth date, three digits, check digit): a plain hash of it could be
 * reversed by trying them all; without the key, a copy of the database (or the hub's copy of the trail) tells nothing.
 * Lose the key and searches by ID number no longer find older records: it is backed up with {@code data/}.
 */
final class CitizenKeys {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private final byte[] key;

    private CitizenKeys(byte[] key) {
        this.key = key;
    }

    /** The key of {@code file}, made now if there is none. */
    static CitizenKeys in(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, FOLDER);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path temp = Files.createTempFile(folder, "citizen", ".key", PosixFilePermissions.asFileAttribute(FILE));
                Files.writeString(temp, HexFormat.of().formatHex(fresh), StandardCharsets.US_ASCII);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.setPosixFilePermissions(file, FILE);
            return new CitizenKeys(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("The audit trail's citizen key " + file + " cannot be read or made", e);
        }
    }

    /** The keyed hash of an ID number (upper case, spaces stripped), hex; null for none. */
    String of(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(idNumber.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
