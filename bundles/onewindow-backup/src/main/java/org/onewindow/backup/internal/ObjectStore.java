package org.onewindow.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.onewindow.db.PrivateFiles;

/**
 * The scanned files of every backup in one content-addressed store, {@code objects/ab/<sha256>} in the backup directory:
 * a file is copied once, by the first backup that names it, and shared by every later one; a backup's manifest lists
 * the objects it needs. Files are copied to a temporary name, checked against their name's digest, forced to the disk,
 * then moved into place, so an object under its name is always whole.
 */
public final class ObjectStore {
    static final String FOLDER = "objects";
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    public ObjectStore(Path directory) {
        this.root = directory.resolve(FOLDER);
    }

    /** The path of an object as a manifest names it, relative to the backup directory. */
    public static String relative(String sha256) {
        return FOLDER + "/" + sha256.substring(0, 2) + "/" + sha256;
    }

    public Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Stores the file {@code source} under {@code sha256}, unless an object of that name and size is there already.
     * Answers true if it copied. A source whose bytes differ from its name is refused: the backup must not hold it as that file.
     */
    public boolean put(String sha256, long size, Path source) throws IOException {
        if (!NAME.matcher(sha256).matches()) {
            throw new IOException("not a SHA-256 name: " + sha256);
        }
        Path target = path(sha256);
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return false;
        }
        PrivateFiles.folder(root);
        PrivateFiles.folder(target.getParent());
        Path part = target.resolveSibling("." + sha256 + ".part");
        Files.deleteIfExists(part);
        Digests.Digest copied;
        try {
            copied = Durable.copy(source, part);
        } catch (NoSuchFileException e) {
            Files.deleteIfExists(part);
            throw new MissingScan(sha256, source);
        }
        if (!copied.sha256().equals(sha256) || copied.size() != size) {
            Files.deleteIfExists(part);
            throw new IOException("the scanned file " + source + " does not hold what its name says (SHA-256 " + copied.sha256() + ", "
                    + copied.size() + " bytes): the appliance's copy is damaged");
        }
        Durable.move(part, target);
        return true;
    }

    /** Removes every object not in {@code kept}, and parts a crash left; answers how many objects and bytes were freed. */
    public long[] removeAllBut(Set<String> kept) throws IOException {
        long removed = 0;
        long bytes = 0;
        if (!Files.isDirectory(root)) {
            return new long[] {0, 0};
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (NAME.matcher(name).matches() && kept.contains(name)) {
                    continue;
                }
                long size = Files.size(file);
                if (Files.deleteIfExists(file) && NAME.matcher(name).matches()) {
                    removed++;
                    bytes += size;
                }
            }
        }
        return new long[] {removed, bytes};
    }

    /** A file the backed-up database names that is not in the appliance's store. */
    public static final class MissingScan extends IOException {
        private static final long serialVersionUID = 1L;

        MissingScan(String sha256, Path source) {
            super("the scanned file " + sha256 + " that the database names is missing from " + source.getParent());
        }
    }
}
