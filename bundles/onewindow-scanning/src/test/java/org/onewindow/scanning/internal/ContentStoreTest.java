package org.onewindow.scanning.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ContentStoreTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aKeptFileIsWholeUnderItsHash() throws Exception {
        ContentStore store = new ContentStore(tmp.getRoot().toPath());
        byte[] bytes = "%PDF-1.4 a page".getBytes(StandardCharsets.UTF_8);
        ContentStore.Received r = store.receive(new ByteArrayInputStream(bytes), 1000);
        assertTrue(store.keep(r));
        assertEquals(bytes.length, Files.size(store.path(r.sha256())));
        assertFalse("moved, not copied", Files.exists(r.temp()));
        ContentStore.Received again = store.receive(new ByteArrayInputStream(bytes), 1000);
        assertFalse("the same bytes are kept once", store.keep(again));
    }

    @Test
    public void filesNoRowNamesAreRemovedOnceOldEnough() throws Exception {
        Path root = tmp.getRoot().toPath();
        ContentStore store = new ContentStore(root);
        String named = keep(store, "named");
        String orphan = keep(store, "orphan");
        String fresh = keep(store, "fresh orphan");
        Instant now = Instant.now();
        for (String sha : new String[] {named, orphan}) {
            Files.setLastModifiedTime(store.path(sha), FileTime.from(now.minus(Duration.ofHours(2))));
        }
        Path upload = Files.writeString(root.resolve("tmp/upload-1.part"), "being received");
        Files.setLastModifiedTime(upload, FileTime.from(now.minus(Duration.ofHours(2))));

        assertEquals(1, store.removeOrphans(Set.of(named), Duration.ofHours(1), now));
        assertTrue(Files.exists(store.path(named)));
        assertFalse("a crash's leftover", Files.exists(store.path(orphan)));
        assertTrue("younger than the age: its row may be on its way", Files.exists(store.path(fresh)));
        assertTrue("tmp/ is the other sweep's", Files.exists(upload));
        assertEquals(1, store.removeOrphans(Set.of(named), Duration.ZERO, now.plusSeconds(1)));
        assertFalse(Files.exists(store.path(fresh)));
    }

    private static String keep(ContentStore store, String text) {
        ContentStore.Received r = store.receive(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000);
        store.keep(r);
        return r.sha256();
    }
}
