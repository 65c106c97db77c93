package org.onewindow.access.internal.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files holding password hashes are readable by the appliance's user only ({@code 0600}). Karaf
 * rewrites {@code users.properties} in place, which keeps the mode; the archive unpacks it as
 * {@code 0644}, so it is narrowed at every start and after every write of ours.
 */
public final class SecretFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private SecretFiles() {
    }

    /** Narrows {@code file} to {@code 0600}; a file system without POSIX modes is left as it is, with a warning. */
    public static void ownerOnly(String file) {
        if (file == null) {
            return;
        }
        Path path = Path.of(file);
        try {
            if (Files.exists(path) && !Files.getPosixFilePermissions(path).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(path, OWNER_ONLY);
                LOG.info("{} made readable by the appliance's user only (0600)", path.getFileName());
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warn("Cannot narrow the permissions of {}: {}", path, e.toString());
        }
    }
}
