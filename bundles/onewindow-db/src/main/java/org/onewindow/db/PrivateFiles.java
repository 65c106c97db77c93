package org.onewindow.online.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files holding secrets or personal data: readable by the appliance's user only (0600, their folders 0700). */
final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the folder (0700) if it is missing, and makes an existing one 0700. */
    static void folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (POSIX) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
    }

    /** Appends to the file, creating it (and its folder) 0600 if it is missing. */
    static void append(Path file, byte[] bytes) throws IOException {
        if (!Files.exists(file)) {
            folder(file.getParent());
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
        }
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Makes an existing file 0600 and its folder 0700: one written by an older version, say. */
    static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file.getParent(), FOLDER);
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Writes a new file, 0600 from the start; refuses to overwrite one. */
    static void create(Path file, byte[] bytes) throws IOException {
        folder(file.getParent());
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.write(file, bytes, POSIX ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
