package org.onewindow.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.onewindow.db.PrivateFiles;

/**
 * Makes one backup into a {@link BackupDirectory}: Derby's online backup, then the scanned files the copy names (into
 * the shared {@link ObjectStore}), OneWindow's own files under {@code data/onewindow} (the district's keys among them)
 * and {@code etc/}, then the manifest. All of it is written under {@code .partial-<name>}, forced to the disk, and only
 * then renamed to its name; a failure removes the partial folder.
 * <p>
 * Why the scans are consistent with the database: the list of files comes from the backed-up database itself, so a
 * file written after the copy is not needed (its row is not in it) and every row in it names a file. Scanning never
 * deletes a file a committed row names (rows are never deleted; only a refused upload's file and, at start, files no
 * row names are removed), so each named file is still there when it is copied; if one is not (a damaged disk), the
 * backup fails rather than be incomplete. Each file is checked against its name's digest as it is copied.
 */
final class BackupMaker {
    /** Where the node's state is. */
    record Sources(DataSource database, Path scans, Path ownData, Path etc) {
    }

    /** The node the backup is of. */
    record Identity(String release, String role, String district) {
    }

    /** A backup made: its manifest and folder, what it added to the store. */
    record Made(BackupManifest manifest, Path folder, long newObjects, long newBytes) {
    }

    private final Sources sources;
    private final Identity identity;
    private final Clock clock;

    BackupMaker(Sources sources, Identity identity, Clock clock) {
        this.sources = sources;
        this.identity = identity;
        this.clock = clock;
    }

    Made make(BackupDirectory directory) throws IOException, SQLException {
        Instant started = clock.instant();
        directory.create();
        directory.removePartials();
        String name = directory.newName(started);
        Path partial = directory.partial(name);
        PrivateFiles.folder(partial);
        try {
            Path database = DerbyCopy.backup(sources.database(), partial);
            DerbyCopy.Contents contents = DerbyCopy.read(database);
            PrivateFiles.restrictTree(database);

            ObjectStore objects = directory.objects();
            List<BackupManifest.Entry> named = new ArrayList<>();
            long newObjects = 0;
            long newBytes = 0;
            for (DerbyCopy.Scan scan : contents.scans()) {
                Path source = sources.scans().resolve(scan.sha256().substring(0, 2)).resolve(scan.sha256().substring(2, 4)).resolve(scan.sha256());
                if (objects.put(scan.sha256(), scan.size(), source)) {
                    newObjects++;
                    newBytes += scan.size();
                }
                named.add(new BackupManifest.Entry(ObjectStore.relative(scan.sha256()), scan.sha256(), scan.size(), null));
            }

            List<BackupManifest.Entry> files = new ArrayList<>();
            for (Path p : walk(database)) {
                if (Files.isRegularFile(p)) {
                    Digests.Digest d = Digests.of(p);
                    files.add(new BackupManifest.Entry(relative(partial, p), d.sha256(), d.size(), null));
                }
            }
            Path ownData = partial.resolve("data").resolve("onewindow");
            copyTree(sources.ownData(), ownData, partial, this::notCopied, files);
            copyTree(sources.etc(), partial.resolve("etc"), partial, p -> false, files);

            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, name, identity.release(), identity.role(), identity.district(),
                    started.toString(), clock.instant().toString(), contents.journalLastSeq(), contents.cases(), files, named);
            Durable.syncTree(partial);
            manifest.write(partial);
            Durable.syncFolder(partial);
            Path folder = directory.root().resolve(name);
            Durable.move(partial, folder);
            return new Made(manifest, folder, newObjects, newBytes);
        } catch (IOException | SQLException | RuntimeException e) {
            try {
                Durable.deleteTree(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** What of {@code data/onewindow} is not copied as files: the database (copied by Derby), the scans (objects), temporary files, the restore mark. */
    private boolean notCopied(Path p) {
        if (Files.isDirectory(p)) {
            return Files.isRegularFile(p.resolve("service.properties")) || p.equals(sources.scans()) || p.getFileName().toString().equals("tmp");
        }
        return p.getFileName().toString().equals("RESTORED") && p.getParent().equals(sources.ownData());
    }

    /** Copies the files of a tree into the backup, each 0600 and forced, recording each with the mode it had. */
    private static void copyTree(Path from, Path to, Path partial, Predicate<Path> skip, List<BackupManifest.Entry> out) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        copyFolder(from, to, partial, skip, out);
    }

    private static void copyFolder(Path from, Path to, Path partial, Predicate<Path> skip, List<BackupManifest.Entry> out) throws IOException {
        PrivateFiles.folder(to);
        List<Path> children;
        try (Stream<Path> list = Files.list(from)) {
            children = list.sorted().toList();
        } catch (NoSuchFileException gone) {
            return;
        }
        for (Path child : children) {
            if (Files.isSymbolicLink(child) || skip.test(child)) {
                continue;
            }
            Path target = to.resolve(child.getFileName().toString());
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                copyFolder(child, target, partial, skip, out);
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    String mode = Durable.mode(child);
                    Digests.Digest d = Durable.copy(child, target);
                    out.add(new BackupManifest.Entry(relative(partial, target), d.sha256(), d.size(), mode));
                } catch (NoSuchFileException gone) {
                    // removed while the tree was copied (a temporary file): not part of the backup
                    Files.deleteIfExists(target);
                }
            }
        }
    }

    private static List<Path> walk(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted(Comparator.naturalOrder()).toList();
        }
    }

    static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
