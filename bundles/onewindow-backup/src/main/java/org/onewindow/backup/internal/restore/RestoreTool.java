package org.onewindow.backup.internal.restore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.onewindow.backup.internal.BackupManifest;
import org.onewindow.backup.internal.Digests;
import org.onewindow.backup.internal.Durable;
import org.onewindow.db.PrivateFiles;

/**
 * {@code bin/onewindow-restore <backup-folder> [--keep-etc]}: puts a backup made by {@code onewindow:backup} back into this
 * appliance while it is stopped. Runs outside OSGi (the JDK, Jackson, this bundle's and onewindow-db's classes).
 * <ol>
 * <li>Refuses while the appliance runs: Karaf holds a lock on the file {@code lock} in its folder for as long as it runs
 * (its {@code SimpleFileLock}), and this tool holds it for the whole restore, so the appliance cannot start half-way.</li>
 * <li>Checks everything before touching anything: the manifest against its checksum, every file and scanned file it
 * names present with its size and SHA-256. A mismatch or a missing file ends it (exit 4) with the appliance unchanged.</li>
 * <li>Builds the new {@code data/} beside the old one ({@code data.restoring-<time>}): the database, OneWindow's own files
 * (the district's keys), the scans, and the mark {@code data/onewindow/RESTORED}, which keeps a federated district from
 * taking in cases until the city hub has checked its journal. Then moves {@code data/} aside to
 * {@code data.before-restore-<time>} (never deleted) and the new one into its place.</li>
 * <li>{@code etc/} too, by default: it holds what makes the node this district (its role and code, users and their
 * passwords, the TLS key, the secret store). The current one goes to {@code etc.before-restore-<time>}.
 * {@code --keep-etc} keeps the current {@code etc/} (after an upgrade, say, whose {@code etc/} is newer).</li>
 * </ol>
 */
public final class RestoreTool {
    static final int REFUSED = 3;
    static final int DAMAGED = 4;
    static final String MARK = "RESTORED";
    /** Karaf's own lock ({@code SimpleFileLock}), held by a running appliance: {@code lock} in its folder. */
    static final String LOCK = "lock";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path home;
    private final PrintStream out;

    RestoreTool(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3 || (args.length == 3 && !"--keep-etc".equals(args[2]))) {
            System.err.println("usage: onewindow-restore <backup-folder> [--keep-etc]");
            System.exit(2);
        }
        try {
            new RestoreTool(Path.of(args[0]).toAbsolutePath(), System.out).restore(Path.of(args[1]).toAbsolutePath(), args.length == 3);
        } catch (Refused e) {
            System.err.println("Not restored: " + e.getMessage());
            System.exit(e.code);
        } catch (IOException e) {
            System.err.println("Restore failed: " + e);
            System.exit(1);
        }
    }

    /** Why nothing was restored, with the exit code. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        final int code;

        Refused(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    void restore(Path backup, boolean keepEtc) throws IOException {
        Path karafLock = home.resolve(LOCK);
        if (!Files.exists(karafLock)) {
            // an appliance never started (a fresh one unpacked for the restore): nothing runs here
            put(backup, verify(backup), keepEtc);
            return;
        }
        try (FileChannel lockFile = FileChannel.open(karafLock, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new Refused(REFUSED, "the appliance in " + home + " is running (it holds its file " + LOCK + "). Stop it first: bin/stop");
            }
            try {
                BackupManifest manifest = verify(backup);
                put(backup, manifest, keepEtc);
            } finally {
                lock.release();
            }
        }
    }

    /** Checks the manifest and every file it names; answers the manifest, or refuses with every problem found. */
    BackupManifest verify(Path backup) throws IOException {
        if (!Files.isDirectory(backup)) {
            throw new Refused(DAMAGED, backup + " is not a folder");
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.read(backup);
        } catch (BackupManifest.DamagedBackup e) {
            throw new Refused(DAMAGED, e.getMessage() + "; nothing was changed");
        }
        out.printf("Checking backup %s of %s %s (release %s, %s): %d files, %d scanned files...%n", manifest.name(), manifest.role(),
                manifest.district(), manifest.release(), manifest.finishedAt(), manifest.files().size(), manifest.objects().size());
        List<String> problems = new ArrayList<>();
        for (BackupManifest.Entry e : manifest.files()) {
            check(inside(backup, e.path()), e, problems);
        }
        for (BackupManifest.Entry e : manifest.objects()) {
            check(inside(backup.getParent(), e.path()), e, problems);
        }
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder(problems.size() + " file(s) of the backup are missing or damaged; nothing was changed:");
            problems.stream().limit(20).forEach(p -> text.append("\n  ").append(p));
            if (problems.size() > 20) {
                text.append("\n  ... and ").append(problems.size() - 20).append(" more");
            }
            throw new Refused(DAMAGED, text.toString());
        }
        out.println("Every checksum matches.");
        return manifest;
    }

    /** A path a manifest names, which must stay inside {@code base} (a manifest is data, not instructions). */
    private static Path inside(Path base, String relative) throws IOException {
        Path p = base.resolve(relative).normalize();
        if (!p.startsWith(base.normalize())) {
            throw new Refused(DAMAGED, "the manifest names a path outside the backup: " + relative);
        }
        return p;
    }

    private static void check(Path file, BackupManifest.Entry e, List<String> problems) throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add("missing: " + e.path());
            return;
        }
        if (Files.size(file) != e.size()) {
            problems.add("size differs: " + e.path() + " (" + Files.size(file) + " bytes, the manifest says " + e.size() + ")");
            return;
        }
        if (!Digests.of(file).sha256().equals(e.sha256())) {
            problems.add("checksum differs: " + e.path());
        }
    }

    private void put(Path backup, BackupManifest manifest, boolean keepEtc) throws IOException {
        String stamp = STAMP.format(Instant.now());
        Path data = home.resolve("data");
        Path newData = home.resolve("data.restoring-" + stamp);
        Path newEtc = home.resolve("etc.restoring-" + stamp);
        Durable.deleteTree(newData);
        Durable.deleteTree(newEtc);
        PrivateFiles.folder(newData);
        Path own = newData.resolve("onewindow");
        PrivateFiles.folder(own);
        for (BackupManifest.Entry e : manifest.files()) {
            Path target;
            if (e.path().startsWith("derby/")) {
                target = own.resolve(e.path());
            } else if (e.path().startsWith("data/")) {
                target = newData.resolve(e.path().substring("data/".length()));
            } else if (e.path().startsWith("etc/")) {
                if (keepEtc) {
                    continue;
                }
                target = newEtc.resolve(e.path().substring("etc/".length()));
            } else {
                continue;
            }
            copy(inside(backup, e.path()), target, e);
        }
        Path scans = own.resolve("scans");
        for (BackupManifest.Entry e : manifest.objects()) {
            copy(inside(backup.getParent(), e.path()), scans.resolve(e.sha256().substring(0, 2)).resolve(e.sha256().substring(2, 4)).resolve(e.sha256()), e);
        }
        // the journal's standing reads this mark: a federated district holds intake until the city hub has checked its journal
        Durable.write(own.resolve(MARK), ("restored from backup " + manifest.name() + " (" + manifest.finishedAt() + ") at " + Instant.now() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PrivateFiles.restrictTree(newData);
        Durable.syncTree(newData);

        Path oldData = home.resolve("data.before-restore-" + stamp);
        if (Files.exists(data)) {
            Durable.move(data, oldData);
            out.println("The former data/ is kept in " + oldData.getFileName());
        }
        Durable.move(newData, data);
        out.println("data/ restored.");
        if (!keepEtc && Files.isDirectory(newEtc)) {
            Durable.syncTree(newEtc);
            Path etc = home.resolve("etc");
            Path oldEtc = home.resolve("etc.before-restore-" + stamp);
            if (Files.exists(etc)) {
                Durable.move(etc, oldEtc);
            }
            Durable.move(newEtc, etc);
            out.println("etc/ restored; the former etc/ is kept in " + oldEtc.getFileName());
        } else {
            out.println("etc/ kept as it is (--keep-etc)");
        }
        out.printf("Restored backup %s: %d cases, %d scanned files, journal at %d. Start the appliance (bin/start); a federated district"
                + " takes in cases again once the city hub has checked its journal (onewindow:replication-status).%n", manifest.name(), manifest.cases(),
                manifest.objects().size(), manifest.journalLastSeq());
    }

    /** Copies one file of the backup to its place, checking its digest once more as it is written, with its recorded mode. */
    private static void copy(Path from, Path to, BackupManifest.Entry e) throws IOException {
        Files.createDirectories(to.getParent());
        Files.deleteIfExists(to);
        Digests.Digest d = Durable.copy(from, to);
        if (!d.sha256().equals(e.sha256())) {
            throw new IOException(e.path() + " changed while it was restored; the appliance's data/ is unchanged");
        }
        Durable.mode(to, e.mode());
    }
}
