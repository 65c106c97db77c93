package org.onewindow.db;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's change journal (the outbox of replication): every change a capability makes to what the
 * city hub keeps is appended as a record in the changing transaction itself, numbered without gaps in
 * commit order. The replication feature ships it; while that feature is absent the journal only grows,
 * so nothing is lost.
 */
@ProviderType
public interface ChangeJournal {

    /**
     * Appends a record inside the caller's open transaction ({@code transaction} is its connection):
     * it commits or rolls back with the caller's change. Writers take turns on the journal's counter
     * until they commit, so numbers appear in commit order.
     *
     * @param kind what the record is, e.g. {@code CASE}, {@code LICENCE}
     * @param key the record's identity within its kind; a later record of the same key supersedes it
     * @param payload the record's whole current state, as JSON
     * @return the record's sequence number
     */
    long append(Connection transaction, String kind, String key, String payload);

    /**
     * Appends many records of one kind at once inside the caller's transaction (a bulk import), in
     * the order given, with one turn on the counter.
     *
     * @param records key and payload of each record
     * @return the sequence number of the last record, or the last written before if there are none
     */
    long appendAll(Connection transaction, String kind, List<Map.Entry<String, String>> records);

    /** Up to {@code limit} records after {@code seq}, oldest first. */
    List<JournalEntry> after(long seq, int limit);

    /** The highest sequence number written, 0 for none. */
    long lastSeq();

    /**
     * Deletes the records up to {@code upToSeq} (those the hub has acknowledged) written before
     * {@code writtenBefore}; the numbering goes on unchanged. Answers how many were deleted.
     */
    int prune(long upToSeq, Instant writtenBefore);
}
