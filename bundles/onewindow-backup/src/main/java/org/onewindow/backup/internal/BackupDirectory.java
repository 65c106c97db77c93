package org.onewindow.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.onewindow.db.PrivateFiles;

/**
 * The backup directory: one folder per complete backup, named by its UTC start ({@code 20261206T023000Z}), the shared
 * {@link ObjectStore}, and {@code .partial-<name>} while a backup is being written. A folder gets its name only once
 * everything in it is on the disk, so a backup cut short (a crash, a full disk) never looks complete; what such a one
 * left is removed before the next backup.
 */
public final class BackupDirectory {
    static final String PARTIAL = ".partial-";
    private static final Pattern NAME = Pattern.compile("\\d{8}T\\d{6}Z(-\\d+)?");
    private static final DateTimeFormatter NAMING = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final Path root;

    public BackupDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public ObjectStore objects() {
        return new ObjectStore(root);
    }

    /** Creates the directory 0700 if it is missing. */
    public void create() throws IOException {
        PrivateFiles.folder(root);
    }

    /** A new backup's name, from its start, unique in the directory. */
    public String newName(Instant start) {
        String base = NAMING.format(start);
        String name = base;
        for (int i = 2; Files.exists(root.resolve(name)) || Files.exists(root.resolve(PARTIAL + name)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    public Path partial(String name) {
        return root.resolve(PARTIAL + name);
    }

    /** The complete backups' folders, oldest first (their names sort by time). */
    public List<Path> complete() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(BackupManifest.CHECKSUM)))
                    .sorted().toList();
        }
    }

    /** Removes what backups cut short left; answers how many. */
    public int removePartials() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : (Iterable<Path>) entries.filter(p -> p.getFileName().toString().startsWith(PARTIAL))::iterator) {
                Durable.deleteTree(p);
                removed++;
            }
        }
        return removed;
    }

    /** What retention removed. */
    public record Removed(List<String> backups, long objects, long bytes) {
    }

    /**
     * Keeps the newest {@code keep} complete backups and removes the older ones, then the objects no kept backup names.
     * A backup whose manifest cannot be read still counts as kept (its objects are then not known, so none is removed:
     * better a full disk than a backup that lost its scans).
     */
    public Removed retain(int keep) throws IOException {
        List<Path> backups = complete();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < backups.size() - Math.max(1, keep); i++) {
            Path old = backups.get(i);
            // renamed first, so a crash half-way leaves a partial (removed next time), never a backup missing files
            Path doomed = partial(old.getFileName().toString());
            Durable.move(old, doomed);
            Durable.deleteTree(doomed);
            removed.add(old.getFileName().toString());
        }
        Set<String> named = new HashSet<>();
        for (Path kept : complete()) {
            try {
                BackupManifest.read(kept).objects().forEach(o -> named.add(o.sha256()));
            } catch (IOException unreadable) {
                return new Removed(removed, 0, 0);
            }
        }
        long[] freed = objects().removeAllBut(named);
        return new Removed(removed, freed[0], freed[1]);
    }
}
