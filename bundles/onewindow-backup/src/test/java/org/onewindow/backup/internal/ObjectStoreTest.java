package org.onewindow.backup.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ObjectStoreTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String name, String content) throws IOException {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    public void aFileIsCopiedOnceUnderItsDigestAndSharedAfterwards() throws Exception {
        ObjectStore store = new ObjectStore(tmp.newFolder("backups").toPath());
        Path scan = file("scan", "a scanned page");
        String sha = Digests.sha256(Files.readAllBytes(scan));
        assertTrue(store.put(sha, Files.size(scan), scan));
        Path stored = store.path(sha);
        assertEquals(tmp.getRoot().toPath().resolve("backups/objects/" + sha.substring(0, 2) + "/" + sha), stored);
        assertArrayEquals(Files.readAllBytes(scan), Files.readAllBytes(stored));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.getParent())));
        assertFalse("the second backup copies nothing", store.put(sha, Files.size(scan), scan));
        assertEquals("objects/" + sha.substring(0, 2) + "/" + sha, ObjectStore.relative(sha));
    }

    @Test
    public void aFileWhoseBytesDifferFromItsNameIsRefusedAndNothingStays() throws Exception {
        Path root = tmp.newFolder("backups").toPath();
        ObjectStore store = new ObjectStore(root);
        Path scan = file("scan", "damaged on the appliance's disk");
        String claimed = Digests.sha256("what it was".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> store.put(claimed, Files.size(scan), scan));
        try (Stream<Path> left = Files.walk(root)) {
            assertEquals(0, left.filter(Files::isRegularFile).count());
        }
    }

    @Test
    public void aMissingSourceIsReportedAsAMissingScan() throws Exception {
        ObjectStore store = new ObjectStore(tmp.newFolder("backups").toPath());
        assertThrows(ObjectStore.MissingScan.class, () -> store.put("ef".repeat(32), 3, tmp.getRoot().toPath().resolve("gone")));
    }

    @Test
    public void objectsNoKeptBackupNamesAreRemoved() throws Exception {
        ObjectStore store = new ObjectStore(tmp.newFolder("backups").toPath());
        Path a = file("a", "page a");
        Path b = file("b", "page b");
        String shaA = Digests.sha256(Files.readAllBytes(a));
        String shaB = Digests.sha256(Files.readAllBytes(b));
        store.put(shaA, Files.size(a), a);
        store.put(shaB, Files.size(b), b);
        long[] freed = store.removeAllBut(Set.of(shaA));
        assertEquals(1, freed[0]);
        assertEquals(Files.size(b), freed[1]);
        assertTrue(Files.exists(store.path(shaA)));
        assertFalse(Files.exists(store.path(shaB)));
    }
}
