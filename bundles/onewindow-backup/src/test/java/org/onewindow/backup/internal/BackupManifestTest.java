package org.onewindow.backup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BackupManifestTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static BackupManifest manifest(String name, List<BackupManifest.Entry> objects) {
        return new BackupManifest(BackupManifest.FORMAT, name, "0.1.0-SNAPSHOT", "district", "441302", "2026-12-06T02:30:00Z",
                "2026-12-06T02:31:00Z", 42, 7, List.of(new BackupManifest.Entry("etc/org.onewindow.node.cfg", "ab".repeat(32), 12, "rw-r--r--")),
                objects);
    }

    @Test
    public void aManifestIsReadBackAsWrittenAndItsChecksumIsSha256sumsFormat() throws Exception {
        Path folder = tmp.newFolder("b").toPath();
        BackupManifest m = manifest("20261206T023000Z", List.of(new BackupManifest.Entry(ObjectStore.relative("cd".repeat(32)), "cd".repeat(32), 300, null)));
        m.write(folder);
        assertEquals(m, BackupManifest.read(folder));
        String sum = Files.readString(folder.resolve(BackupManifest.CHECKSUM));
        assertEquals(Digests.sha256(Files.readAllBytes(folder.resolve(BackupManifest.FILE))) + "  manifest.json\n", sum);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(BackupManifest.FILE))));
        assertEquals(312, m.bytes());
        assertTrue(Files.readString(folder.resolve(BackupManifest.FILE)).contains("\"journalLastSeq\" : 42"));
    }

    @Test
    public void aChangedManifestIsRefused() throws Exception {
        Path folder = tmp.newFolder("b").toPath();
        manifest("x", List.of()).write(folder);
        Path file = folder.resolve(BackupManifest.FILE);
        Files.writeString(file, Files.readString(file).replace("\"cases\" : 7", "\"cases\" : 8"), StandardCharsets.UTF_8);
        assertThrows(BackupManifest.DamagedBackup.class, () -> BackupManifest.read(folder));
    }

    @Test
    public void aManifestWithoutItsChecksumIsNoBackup() throws Exception {
        Path folder = tmp.newFolder("b").toPath();
        manifest("x", List.of()).write(folder);
        Files.delete(folder.resolve(BackupManifest.CHECKSUM));
        assertThrows(BackupManifest.DamagedBackup.class, () -> BackupManifest.read(folder));
    }
}
