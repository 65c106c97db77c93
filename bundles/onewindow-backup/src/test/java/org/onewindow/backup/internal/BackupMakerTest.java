package org.onewindow.backup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class BackupMakerTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private FakeAppliance appliance;
    private BackupDirectory directory;

    @Before
    public void setUp() throws Exception {
        appliance = new FakeAppliance(tmp.newFolder("home").toPath());
        directory = new BackupDirectory(tmp.getRoot().toPath().resolve("backups"));
    }

    @After
    public void tearDown() {
        appliance.stop();
    }

    @Test
    public void aBackupHoldsTheDatabaseEveryScanItNamesTheKeysAndEtcWithAManifest() throws Exception {
        String first = appliance.caseWithScan("page one");
        String second = appliance.caseWithScan("page two");
        Files.writeString(appliance.ownData.resolve("RESTORED"), "left from an earlier restore");

        BackupMaker.Made made = appliance.maker().make(directory);

        BackupManifest m = made.manifest();
        assertEquals(m, BackupManifest.read(made.folder()));
        assertEquals(2, m.cases());
        assertEquals(2, m.journalLastSeq());
        assertEquals(List.of(first, second).stream().sorted().toList(), m.objects().stream().map(BackupManifest.Entry::sha256).sorted().toList());
        assertEquals(2, made.newObjects());
        assertTrue(Files.isRegularFile(made.folder().resolve("derby/service.properties")));
        assertTrue(m.files().stream().anyMatch(e -> e.path().equals("derby/service.properties")));
        assertTrue(m.files().stream().anyMatch(e -> e.path().equals("data/onewindow/federation/district-key.pem")));
        assertTrue(m.files().stream().anyMatch(e -> e.path().equals("etc/org.onewindow.node.cfg") && e.mode() != null));
        assertFalse("the restore mark is the restore's", m.files().stream().anyMatch(e -> e.path().endsWith("RESTORED")));
        assertFalse("scans are objects, not files of the backup", m.files().stream().anyMatch(e -> e.path().contains("scans")));
        for (BackupManifest.Entry e : m.files()) {
            Path file = made.folder().resolve(e.path());
            assertEquals(e.path(), e.sha256(), Digests.of(file).sha256());
            assertEquals(e.path(), "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made.folder())));
        assertEquals(List.of(made.folder()), directory.complete());
    }

    @Test
    public void aSecondBackupCopiesOnlyNewScans() throws Exception {
        appliance.caseWithScan("page one");
        appliance.maker().make(directory);
        String later = appliance.caseWithScan("page three");

        BackupMaker.Made second = appliance.maker().make(directory);

        assertEquals(1, second.newObjects());
        assertEquals(2, second.manifest().objects().size());
        assertTrue(Files.exists(directory.objects().path(later)));
        assertEquals(2, directory.complete().size());
    }

    @Test
    public void aScanTheDatabaseNamesButTheDiskLacksFailsTheBackupAndLeavesNothingThatLooksComplete() throws Exception {
        String gone = appliance.caseWithScan("page lost");
        Files.delete(appliance.scan(gone));

        assertThrows(ObjectStore.MissingScan.class, () -> appliance.maker().make(directory));

        assertEquals(List.of(), directory.complete());
        try (Stream<Path> left = Files.list(directory.root())) {
            assertTrue("no partial folder stays", left.noneMatch(p -> p.getFileName().toString().startsWith(BackupDirectory.PARTIAL)));
        }
    }

    @Test
    public void scansWrittenAfterTheDatabaseCopyAreNotInTheBackup() throws Exception {
        appliance.caseWithScan("page one");
        // a file stored but whose row never committed (or commits after the copy) is not named by the copy
        Path stray = appliance.scans.resolve("aa/bb/" + "ab".repeat(32));
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "no row");

        BackupManifest m = appliance.maker().make(directory).manifest();

        assertEquals(1, m.objects().size());
        assertFalse(Files.exists(directory.objects().path("ab".repeat(32))));
    }
}
