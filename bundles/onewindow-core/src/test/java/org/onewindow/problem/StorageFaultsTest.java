package org.onewindow.problem;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;

import org.junit.Test;

/** What the background loops wait on, and what a caller is told. */
public class StorageFaultsTest {

    /**
     * What the loops met in StorageFaultsIT while Derby shut the database down after a full disk and booted it again:
     * taken for a short failure, each retried at once and made Derby boot the database again, 16 times in 25 s.
     */
    @Test
    public void aDatabaseDerbyShutDownIsWaitedFor() {
        assertTrue(StorageFaults.isStorageFault(new IllegalStateException("Database", new SQLException("No current connection.", "08003"))));
        assertTrue(StorageFaults.isStorageFault(new RuntimeException(new SQLException("Failed to start database", "XJ040"))));
        assertTrue(StorageFaults.isStorageFault(new SQLException("Database not found", "XJ004")));
        assertTrue(StorageFaults.isStorageFault(new SQLException("Database shut down", "08006")));
        SQLException batch = new SQLException("batch", "XJ208");
        batch.setNextException(new SQLException("The logging system has been marked to shut down", "XSLAJ"));
        assertTrue(StorageFaults.isStorageFault(batch));
        assertFalse("a mistake of ours is not waited for", StorageFaults.isStorageFault(new SQLException("syntax", "42X01")));
    }

    @Test
    public void aCallerIsToldOnlyOfAFullOrReadOnlyDisk() {
        assertNull("a database gone is the storage's to explain (Storage.recheck)", StorageFaults.problemOf(new SQLException("gone", "08003")));
        assertEquals(ProblemKind.INSUFFICIENT_STORAGE, StorageFaults.problemOf(new SQLException("page", "XSDG1")).kind());
        assertEquals("DATABASE_READ_ONLY", StorageFaults.problemFor("DATABASE_READ_ONLY").code());
        assertEquals("STORAGE_FULL", StorageFaults.problemFor("STORAGE_FULL").code());
        assertNull(StorageFaults.problemFor("DATABASE_FAILED"));
        assertNull(StorageFaults.problemFor(null));
    }
}
