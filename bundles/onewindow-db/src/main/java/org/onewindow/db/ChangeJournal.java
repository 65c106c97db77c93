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
 * so nothing is lost. After a restore from an older copy the hub finds it rewound; new cases then wait
 * ({@link #hold()}) until replication has put back what the hub holds ({@link JournalRestore}) and rebased it.
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

    /**
     * Why a new case (anything that takes a number of this district's own) must wait now, or null. A federated district
     * holds new cases at each start until the city hub has confirmed that this journal continues the one it holds (at
     * most the seconds given to {@link #federated}, or without limit on a {@code data/} marked restored), and from the
     * moment the hub found it rewound until it was reconciled: otherwise a restored copy would issue again numbers the
     * city has already seen.
     */
    JournalHold hold();

    /**
     * Whether this journal is shipped to a city hub that must confirm it at each start ({@code hubCheckSeconds} the
     * longest new cases wait for a hub that does not answer; negative: not federated). Kept across starts.
     */
    void federated(int hubCheckSeconds);

    /** The hub confirmed, in this run, that this journal continues the one it holds. */
    void confirmed();

    /** The hub found this journal behind what it had acknowledged: new cases are held, across starts, until {@link #reconciled()}. */
    void rewound(String detail);

    /**
     * Moves the numbering on to at least {@code atLeast} inside the caller's transaction (the counter stays locked until
     * it commits, so no record is written meanwhile); answers the last number, after which the next record follows.
     */
    long rebase(Connection transaction, long atLeast);

    /** The rewound journal was reconciled with the hub and rebased: new cases may be taken in again. */
    void reconciled();
}
