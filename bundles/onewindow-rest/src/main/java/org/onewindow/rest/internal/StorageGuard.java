package org.onewindow.rest.internal;

import java.util.Set;
import java.util.function.Supplier;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.problem.Problem;
import org.onewindow.problem.StorageFaults;

/**
 * While the disk is full or the database can only be read, every request is answered with that fault, reads too: Derby
 * boots a database it cannot write read-only and without replaying its log, so what it shows then may lack the last
 * minutes of the hall's work (StorageFaultsIT saw tables created at the first start missing). A clerk is told once, in
 * words to pass on to district IT, instead of seeing an old state. The node's public health and its metrics still
 * answer: they are how district IT learns of the fault.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class StorageGuard implements ContainerRequestFilter {
    /** Paths under {@code /api} that answer whatever the disk's state: they read no citizen's or hall's records. */
    private static final Set<String> ALWAYS = Set.of("/api/v1/health", "/api/v1/metrics");

    private final Supplier<Storage> storage;

    StorageGuard(Supplier<Storage> storage) {
        this.storage = storage;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Storage s = storage.get();
        if (s == null || ALWAYS.contains(request.getUriInfo().getRequestUri().getPath())) {
            return;
        }
        StorageState state = s.state();
        Problem fault = state.writable() ? null : StorageFaults.problemFor(state.fault());
        if (fault != null) {
            throw fault;
        }
    }
}
