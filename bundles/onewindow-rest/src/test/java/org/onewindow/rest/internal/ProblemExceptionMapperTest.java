package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.junit.Test;
import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.ErrorDTO;

import com.fasterxml.jackson.core.JsonParseException;

public class ProblemExceptionMapperTest {
    /** The disk as the storage sees it; writable unless a test says otherwise. */
    private StorageState disk = new StorageState(true, null, null, 10_000_000, 20_000_000, 0);
    private int rechecks;
    private final Storage storage = new Storage() {
        @Override
        public StorageState state() {
            return disk;
        }

        @Override
        public StorageState recheck() {
            rechecks++;
            return disk;
        }
    };
    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper(() -> storage);

    @Test
    public void problemsKeepTheirStatusAndCode() {
        Response r = mapper.toResponse(new Problem(ProblemKind.CONFLICT, "X_CONFLICT", "m"));
        assertEquals(409, r.getStatus());
        assertEquals("X_CONFLICT", ((ErrorDTO) r.getEntity()).code);
        assertNull(r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    public void unauthorizedAsksForBasicLogin() {
        Response r = mapper.toResponse(new Problem(ProblemKind.UNAUTHORIZED, "UNAUTHENTICATED", "m"));
        assertNotNull(r.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    public void frameworkFailuresGetStableCodes() {
        assertEquals("NOT_FOUND", code(new NotFoundException()));
        assertEquals(405, mapper.toResponse(new NotAllowedException("GET")).getStatus());
        assertEquals("MALFORMED_JSON", code(new RuntimeException(new JsonParseException(null, "bad"))));
    }

    @Test
    public void anythingElseIsAnInternalErrorWithoutDetails() {
        Response r = mapper.toResponse(new IllegalStateException("secret detail"));
        assertEquals(500, r.getStatus());
        assertEquals("INTERNAL_ERROR", ((ErrorDTO) r.getEntity()).code);
        assertEquals(false, ((ErrorDTO) r.getEntity()).message.contains("secret"));
    }

    /**
     * The chains Derby and the JDK throw on a full disk (as Derby 10.14 threw them for an insert on a full tmpfs: XSDG1,
     * its internal exception, the JDK's IOException), wrapped as JPA and the scanning store pass them on.
     */
    @Test
    public void aFullDiskIsStorageFullWithRetryAfter() {
        java.io.IOException enospc = new java.io.IOException("No space left on device");
        java.sql.SQLException derby = new java.sql.SQLException("Page Page(425,Container(0, 1168)) could not be written to disk, please check"
                + " if the disk is full", "XSDG1", 45000, new RuntimeException("StandardException", enospc));
        Response r = mapper.toResponse(new RuntimeException("javax.persistence.PersistenceException", new RuntimeException("DatabaseException", derby)));
        assertEquals(507, r.getStatus());
        assertEquals("STORAGE_FULL", ((ErrorDTO) r.getEntity()).code);
        assertEquals(true, ((ErrorDTO) r.getEntity()).message.contains("存储空间已满"));
        assertEquals("60", r.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals("STORAGE_FULL", code(new java.io.UncheckedIOException(enospc)));
        assertEquals("the log not written", "STORAGE_FULL", code(new java.sql.SQLException("Log full", "XSLA4")));
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("batch", "XJ208", 0, new int[0]);
        batch.setNextException(new java.sql.SQLException("page", "XSDG1"));
        assertEquals("inside a failed batch", "STORAGE_FULL", code(batch));
        assertEquals("a quota", "STORAGE_FULL", code(new java.io.UncheckedIOException(new java.io.IOException("Disk quota exceeded"))));
    }

    @Test
    public void aReadOnlyDatabaseIsUnavailable() {
        Response r = mapper.toResponse(new RuntimeException(new java.sql.SQLException(
                "An SQL data change is not permitted for a read-only connection, user or database.", "25502")));
        assertEquals(503, r.getStatus());
        assertEquals("DATABASE_READ_ONLY", ((ErrorDTO) r.getEntity()).code);
        assertEquals("the log not written on a read-only filesystem", "DATABASE_READ_ONLY", code(new java.sql.SQLException("Log", "XSLA4",
                new java.io.IOException("Read-only file system"))));
    }

    @Test
    public void otherDatabaseFailuresStayInternal() {
        assertEquals("INTERNAL_ERROR", code(new RuntimeException(new java.sql.SQLException("syntax", "42X01"))));
        assertEquals("INTERNAL_ERROR", code(new java.io.UncheckedIOException(new java.io.IOException("Permission denied"))));
    }

    /**
     * What Derby answered in StorageFaultsIT while it shut the database down after a full disk and booted it read-only
     * without its log: no storage fault in the chain, but the storage's fresh check says what is behind it.
     */
    @Test
    public void aDatabaseFailureWhileTheDiskIsFullIsStorageFull() {
        RuntimeException noTable = new RuntimeException("javax.persistence.PersistenceException",
                new java.sql.SQLSyntaxErrorException("Table/View 'CASE_FILE' does not exist.", "42X05"));
        assertEquals("the disk fine: a fault of ours", "INTERNAL_ERROR", code(noTable));
        assertEquals("the storage asked again", 1, rechecks);

        disk = new StorageState(false, "STORAGE_FULL", "less than 1 MiB free", 1000, 20_000_000, 0);
        Response r = mapper.toResponse(noTable);
        assertEquals(507, r.getStatus());
        assertEquals("STORAGE_FULL", ((ErrorDTO) r.getEntity()).code);
        assertEquals("STORAGE_FULL", code(new IllegalStateException("Database", new java.sql.SQLException("Java exception: 'containerCache is null'", "XJ001"))));
        disk = new StorageState(false, "DATABASE_READ_ONLY", "25502", 10_000_000, 20_000_000, 0);
        assertEquals("DATABASE_READ_ONLY", code(new java.sql.SQLNonTransientConnectionException("No current connection.", "08003")));
        disk = new StorageState(false, "DATABASE_FAILED", "lock", 10_000_000, 20_000_000, 0);
        assertEquals("a failed check that is no storage fault", "INTERNAL_ERROR", code(noTable));

        int before = rechecks;
        disk = new StorageState(false, "STORAGE_FULL", "less than 1 MiB free", 1000, 20_000_000, 0);
        assertEquals("not the database's: the disk not asked", "INTERNAL_ERROR", code(new IllegalStateException("secret detail")));
        assertEquals(before, rechecks);
    }

    private String code(Throwable t) {
        return ((ErrorDTO) mapper.toResponse(t).getEntity()).code;
    }
}
