package org.onewindow.backup.internal.restore;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.backup.internal.BackupDirectory;
import org.onewindow.backup.internal.FakeAppliance;

public class RestoreToolTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path backup;
    private String scan;
    private Path target;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Before
    public void backUpAnAppliance() throws Exception {
        FakeAppliance source = new FakeAppliance(tmp.newFolder("source").toPath());
        scan = source.caseWithScan("the applicant's ID card, scanned");
        Files.setPosixFilePermissions(source.home.resolve("etc/org.onewindow.node.cfg"), PosixFilePermissions.fromString("rw-r--r--"));
        backup = source.backUp(new BackupDirectory(tmp.getRoot().toPath().resolve("backups")));
        source.stop();
        // a fresh appliance, never started, with its own etc/
        target = tmp.newFolder("target").toPath();
        Files.createDirectories(target.resolve("etc"));
        Files.writeString(target.resolve("etc/org.onewindow.node.cfg"), "role = district\ndistrictCode = 000000\n");
        Files.createDirectories(target.resolve("data/onewindow"));
        Files.writeString(target.resolve("data/onewindow/was-here"), "the target's own");
    }

    private RestoreTool tool() {
        return new RestoreTool(target, new PrintStream(printed, true));
    }

    @Test
    public void aBackupIsPutBackWithTheMarkAndTheOldDataKeptAside() throws Exception {
        Files.createFile(target.resolve(RestoreTool.LOCK)); // a stopped appliance that ran before: its lock file is there, unlocked
        tool().restore(backup, false);

        Path own = target.resolve("data/onewindow");
        assertTrue(Files.exists(own.resolve(RestoreTool.MARK)));
        assertEquals("-----BEGIN PRIVATE KEY-----\nkey\n", Files.readString(own.resolve("federation/district-key.pem")));
        assertArrayEquals("the applicant's ID card, scanned".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Files.readAllBytes(own.resolve("scans").resolve(scan.substring(0, 2)).resolve(scan.substring(2, 4)).resolve(scan)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own.resolve("federation/district-key.pem"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(own.resolve("scans"))));
        assertEquals("etc/ keeps its modes", "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("etc/org.onewindow.node.cfg"))));
        assertTrue(Files.readString(target.resolve("etc/org.onewindow.node.cfg")).contains("441302"));
        try (Stream<Path> siblings = Files.list(target)) {
            List<String> names = siblings.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("data.before-restore-")));
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("etc.before-restore-")));
            assertFalse(names.toString(), names.stream().anyMatch(n -> n.contains("restoring")));
            assertTrue(names.toString(), names.contains(RestoreTool.LOCK));
            Path aside = target.resolve(names.stream().filter(n -> n.startsWith("data.before-restore-")).findFirst().orElseThrow());
            assertEquals("the target's own", Files.readString(aside.resolve("onewindow/was-here")));
        }
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName(own.resolve("derby").toString());
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SCAN_FILE")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        } finally {
            db.setShutdownDatabase("shutdown");
            try {
                db.getConnection();
            } catch (java.sql.SQLException shutDown) {
                // 08006
            }
        }
    }

    @Test
    public void aFreshApplianceNeverStartedIsRestoredToo() throws Exception {
        org.onewindow.backup.internal.Durable.deleteTree(target.resolve("data"));
        tool().restore(backup, false);
        assertTrue(Files.exists(target.resolve("data/onewindow/derby/service.properties")));
        assertTrue(Files.exists(target.resolve("data/onewindow/" + RestoreTool.MARK)));
    }

    @Test
    public void keepEtcLeavesTheCurrentEtc() throws Exception {
        tool().restore(backup, true);
        assertTrue(Files.readString(target.resolve("etc/org.onewindow.node.cfg")).contains("000000"));
        assertTrue(Files.exists(target.resolve("data/onewindow/derby/service.properties")));
    }

    @Test
    public void aDamagedScanMakesItRefuseAndChangeNothing() throws Exception {
        Path object = backup.getParent().resolve("objects").resolve(scan.substring(0, 2)).resolve(scan);
        byte[] bytes = Files.readAllBytes(object);
        bytes[3] ^= 1;
        Files.write(object, bytes);

        RestoreTool.Refused refused = assertThrows(RestoreTool.Refused.class, () -> tool().restore(backup, false));

        assertEquals(RestoreTool.DAMAGED, refused.code);
        assertTrue(refused.getMessage(), refused.getMessage().contains("checksum differs: objects/"));
        unchanged();
    }

    @Test
    public void aMissingDatabaseFileMakesItRefuseAndChangeNothing() throws Exception {
        Files.delete(backup.resolve("derby/service.properties"));
        RestoreTool.Refused refused = assertThrows(RestoreTool.Refused.class, () -> tool().restore(backup, false));
        assertEquals(RestoreTool.DAMAGED, refused.code);
        assertTrue(refused.getMessage(), refused.getMessage().contains("missing: derby/service.properties"));
        unchanged();
    }

    @Test
    public void aChangedManifestMakesItRefuse() throws Exception {
        Path manifest = backup.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("441302", "441303"));
        assertEquals(RestoreTool.DAMAGED, assertThrows(RestoreTool.Refused.class, () -> tool().restore(backup, false)).code);
        unchanged();
    }

    @Test
    public void aRunningApplianceIsRefused() throws Exception {
        // Karaf holds the file lock in its folder while it runs
        try (FileChannel channel = FileChannel.open(target.resolve(RestoreTool.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            RestoreTool.Refused refused = assertThrows(RestoreTool.Refused.class, () -> tool().restore(backup, false));
            assertEquals(RestoreTool.REFUSED, refused.code);
            assertTrue(refused.getMessage(), refused.getMessage().contains("running"));
        }
        unchanged();
    }

    private void unchanged() throws Exception {
        assertEquals("the target's own", Files.readString(target.resolve("data/onewindow/was-here")));
        assertTrue(Files.readString(target.resolve("etc/org.onewindow.node.cfg")).contains("000000"));
        try (Stream<Path> siblings = Files.list(target)) {
            assertEquals(List.of("data", "etc"), siblings.map(p -> p.getFileName().toString()).filter(n -> !n.equals(RestoreTool.LOCK)).sorted().toList());
        }
    }
}
