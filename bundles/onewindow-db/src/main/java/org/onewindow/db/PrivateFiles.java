package org.onewindow.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files holding secrets or personal data: readable by the appliance's user only (0600, their folders
 * 0700), whatever the umask of whoever started the appliance ({@code bin/setenv} sets 077, but an
 * unpacked archive, a service manager or Pax Exam may not go through it). Without POSIX modes (another
 * file system) the modes are left as they are.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the folder (0700) if it is missing, and makes an existing one 0700. */
    public static void folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (POSIX) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
    }

    /**
     * Appends to the file, creating it (and its folder) 0600 if it is missing. The bytes go in one write to the file
     * opened for appending, so concurrent callers need no lock: each one's bytes land whole at the end. Two callers may
     * both find the file missing; the one that comes second appends to the file the first created.
     */
    public static void append(Path file, byte[] bytes) throws IOException {
        if (!Files.exists(file)) {
            folder(file.getParent());
            if (POSIX) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                } catch (FileAlreadyExistsException e) {
                    // created by a concurrent caller, 0600 as well
                }
            }
        }
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Makes an existing file 0600 and its folder 0700: one written by an older version, say. */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file.getParent(), FOLDER);
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Makes an existing file 0600, leaving its folder as it is (a file of {@code etc/}). */
    public static void ownerOnly(Path file) throws IOException {
        if (POSIX && Files.isRegularFile(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Makes a whole tree private: every folder in it 0700, every file 0600; nothing if it is missing. */
    public static void restrictTree(Path root) throws IOException {
        if (!POSIX || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            // a folder removed during the walk ends it with an UncheckedIOException, reported by the caller
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> wanted = Files.isDirectory(p) ? FOLDER : FILE;
                try {
                    if (!Files.getPosixFilePermissions(p).equals(wanted)) {
                        Files.setPosixFilePermissions(p, wanted);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed while the tree was walked (a temporary file of the database): nothing to narrow
                }
            }
        }
    }

    /** Writes a new file, 0600 from the start; refuses to overwrite one. */
    public static void create(Path file, byte[] bytes) throws IOException {
        folder(file.getParent());
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.write(file, bytes, POSIX ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
