package org.onewindow.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's one append-only audit trail. An event that goes with a change of state is appended in the changing
 * transaction itself ({@link #append}), so that nothing is recorded that did not happen and nothing happens
 * unrecorded; an event with no change of its own (a login, a shell command) is recorded in a transaction of its own
 * ({@link #record}). Records are numbered without gaps in commit order, each chained to the one before by its hash.
 */
@ProviderType
public interface AuditTrail {

    /**
     * Appends {@code event} inside the caller's open transaction ({@code transaction} is its connection): it commits
     * or rolls back with the caller's change. Appenders take turns on the trail's head until they commit, so the chain
     * follows commit order. A failure throws, and the caller's transaction must roll back.
     *
     * @return the record's sequence number
     */
    long append(Connection transaction, AuditEvent event);

    /** Records {@code event} in a transaction of its own; answers its sequence number. */
    long record(AuditEvent event);

    /** Records matching {@code query}, newest first. */
    List<AuditRecord> search(AuditQuery query);

    /** Up to {@code limit} records after {@code seq}, oldest first: what is shipped to the city hub. */
    List<AuditRecord> after(long seq, int limit);

    /** Where the trail stands. */
    TrailHead head();

    /**
     * The city hub holds the records up to {@code seq}: they may be pruned once older than the retention. Never goes
     * back: a lower number than before is ignored.
     */
    void shipped(long seq);

    /** Walks the chain from its anchor to its head and reports where it breaks. */
    ChainReport verify();

    /**
     * Moves the rows of a capability's older log into the trail, inside the caller's transaction and with their
     * deletion: each row of {@code select} (oldest first) becomes the event {@code row} makes of it (with its own time,
     * {@link AuditEvent#at}), then {@code delete} empties what was moved. Answers how many rows were moved.
     */
    int adopt(Connection transaction, String select, Row row, String delete);

    /** The event an older log's row stands for. */
    @FunctionalInterface
    interface Row {
        AuditEvent of(ResultSet rs) throws SQLException;
    }
}
