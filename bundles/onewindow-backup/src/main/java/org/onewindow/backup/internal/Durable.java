package org.onewindow.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files written so that a crash or a full disk never leaves one that looks whole: written 0600 (backups hold personal
 * data and the district's keys), forced to the disk, and folders forced after a file is moved into them.
 */
public final class Durable {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private Durable() {
    }

    /** Writes {@code bytes} to a new file 0600 and forces it to the disk. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = create(file); OutputStream out = Channels.newOutputStream(channel)) {
            out.write(bytes);
            out.flush();
            channel.force(true);
        }
    }

    /**
     * Copies {@code from} to a new file {@code to} (0600), hashing what it copies, and forces it to the disk. Answers the
     * digest and size of the bytes written.
     */
    public static Digests.Digest copy(Path from, Path to) throws IOException {
        MessageDigest sha = Digests.sha256();
        long size = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(from); FileChannel channel = create(to); OutputStream out = Channels.newOutputStream(channel)) {
            for (int n; (n = in.read(buf)) >= 0;) {
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
                size += n;
            }
            out.flush();
            channel.force(true);
        }
        return new Digests.Digest(HexFormat.of().formatHex(sha.digest()), size);
    }

    private static FileChannel create(Path file) throws IOException {
        FileAttribute<?>[] attributes = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
    }

    /** Moves {@code from} to {@code to} in one step where the file system can, and forces the target's folder. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
        syncFolder(to.toAbsolutePath().getParent());
    }

    /** Forces every file and folder of a tree to the disk. */
    public static void syncTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(p)) {
                    syncFolder(p);
                } else if (Files.isRegularFile(p)) {
                    try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ)) {
                        channel.force(true);
                    }
                }
            }
        }
    }

    /** fsync of a folder, so that what was moved into it survives a power cut; where a folder cannot be opened (Windows) the move must do. */
    public static void syncFolder(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    /** The POSIX mode of a file as {@code rw-r--r--}, or null without POSIX modes. */
    public static String mode(Path file) throws IOException {
        return POSIX ? PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) : null;
    }

    /** Gives a file the mode recorded for it (nothing without POSIX modes or a recorded mode). */
    public static void mode(Path file, String mode) throws IOException {
        if (POSIX && mode != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
    }

    /** Removes a tree, files first; nothing if it is missing. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
