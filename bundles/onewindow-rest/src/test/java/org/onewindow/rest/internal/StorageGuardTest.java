package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.UriInfo;

import org.junit.Test;
import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.problem.Problem;

public class StorageGuardTest {
    private StorageState disk = new StorageState(true, null, null, 10_000_000, 20_000_000, 0);
    private final Storage storage = () -> disk;

    @Test
    public void requestsPassWhileTheDatabaseCanBeWritten() {
        assertNull(refusal(new StorageGuard(() -> storage), "/api/v1/cases"));
        disk = new StorageState(false, "DATABASE_FAILED", "a lock not granted", 10_000_000, 20_000_000, 0);
        assertNull("a failed check that names no storage fault refuses nothing", refusal(new StorageGuard(() -> storage), "/api/v1/cases"));
        assertNull("no storage service: nothing to ask", refusal(new StorageGuard(() -> null), "/api/v1/cases"));
    }

    @Test
    public void everyRequestButHealthAndMetricsIsRefusedWhileTheDiskIsFullOrReadOnly() {
        StorageGuard guard = new StorageGuard(() -> storage);
        disk = new StorageState(false, "STORAGE_FULL", "less than 1 MiB free", 1000, 20_000_000, 0);
        assertEquals("STORAGE_FULL", refusal(guard, "/api/v1/cases").code());
        assertTrue("no stack trace in the log for each request refused", QuietFaults.expected(refusal(guard, "/api/v1/cases")));
        assertEquals("reads too: a database booted read-only may lack the last work", 507,
                refusal(guard, "/api/v1/cases/441302-20261208-0001").kind().status());
        assertNull(refusal(guard, "/api/v1/health"));
        assertNull(refusal(guard, "/api/v1/metrics"));
        disk = new StorageState(false, "DATABASE_READ_ONLY", "25502", 10_000_000, 20_000_000, 0);
        assertEquals("DATABASE_READ_ONLY", refusal(guard, "/api/v1/session").code());
        assertEquals("staff's health details read the database", "DATABASE_READ_ONLY", refusal(guard, "/api/v1/health/details").code());
    }

    private Problem refusal(StorageGuard guard, String path) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class}, (p, called, args) -> {
            if (called.getName().equals("getRequestUri")) {
                return URI.create("https://localhost:8443" + path);
            }
            throw new UnsupportedOperationException(called.getName());
        });
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, called, args) -> {
                    if (called.getName().equals("getUriInfo")) {
                        return uri;
                    }
                    throw new UnsupportedOperationException(called.getName());
                });
        try {
            guard.filter(request);
            return null;
        } catch (Problem refused) {
            return refused;
        }
    }
}
