package org.onewindow.backup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BackupDirectoryTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private String object(BackupDirectory dir, String content) throws Exception {
        Path source = Files.createTempFile(tmp.getRoot().toPath(), "scan", "");
        Files.writeString(source, content, StandardCharsets.UTF_8);
        String sha = Digests.sha256(Files.readAllBytes(source));
        dir.objects().put(sha, Files.size(source), source);
        return sha;
    }

    private void backup(BackupDirectory dir, String name, String... shas) throws Exception {
        Path folder = dir.root().resolve(name);
        Files.createDirectories(folder);
        List<BackupManifest.Entry> objects = java.util.Arrays.stream(shas).map(s -> new BackupManifest.Entry(ObjectStore.relative(s), s, 1, null)).toList();
        BackupManifestTest.manifest(name, objects).write(folder);
    }

    @Test
    public void retentionKeepsTheNewestAndTheObjectsTheyNameOnly() throws Exception {
        BackupDirectory dir = new BackupDirectory(tmp.newFolder("backups").toPath());
        String onlyOldest = object(dir, "in the oldest backup only");
        String shared = object(dir, "in every backup");
        String newest = object(dir, "in the newest");
        backup(dir, "20261201T023000Z", onlyOldest, shared);
        backup(dir, "20261202T023000Z", shared);
        backup(dir, "20261203T023000Z", shared, newest);

        BackupDirectory.Removed removed = dir.retain(2);

        assertEquals(List.of("20261201T023000Z"), removed.backups());
        assertEquals(1, removed.objects());
        assertEquals(List.of(dir.root().resolve("20261202T023000Z"), dir.root().resolve("20261203T023000Z")), dir.complete());
        assertFalse(Files.exists(dir.objects().path(onlyOldest)));
        assertTrue(Files.exists(dir.objects().path(shared)));
        assertTrue(Files.exists(dir.objects().path(newest)));
    }

    @Test
    public void aBackupCutShortIsNeverListedAndIsRemovedBeforeTheNext() throws Exception {
        BackupDirectory dir = new BackupDirectory(tmp.newFolder("backups").toPath());
        String name = dir.newName(Instant.parse("2026-12-06T02:30:00Z"));
        assertEquals("20261206T023000Z", name);
        Path partial = dir.partial(name);
        Files.createDirectories(partial.resolve("derby"));
        BackupManifestTest.manifest(name, List.of()).write(partial);
        assertEquals("a partial folder is no backup, even with a manifest", List.of(), dir.complete());
        assertEquals("the next backup of the same second gets another name", "20261206T023000Z-2", dir.newName(Instant.parse("2026-12-06T02:30:00Z")));
        assertEquals(1, dir.removePartials());
        assertFalse(Files.exists(partial));
    }

    @Test
    public void aFolderWithoutTheManifestsChecksumIsNotComplete() throws Exception {
        BackupDirectory dir = new BackupDirectory(tmp.newFolder("backups").toPath());
        Files.createDirectories(dir.root().resolve("20261206T023000Z"));
        assertEquals(List.of(), dir.complete());
    }
}
