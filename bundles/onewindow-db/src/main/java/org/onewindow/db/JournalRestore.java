package org.onewindow.db;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability that journals records of some kinds and can put their state back as the city hub holds it, after this
 * appliance was restored from an older copy of its data: the hub is every district's off-site copy. Registered as a
 * service; replication calls it while it reconciles a rewound journal, with new cases held ({@link ChangeJournal#hold()}).
 */
@ConsumerType
public interface JournalRestore {

    /** The journal kinds this capability writes and restores, e.g. {@code CASE}. */
    Set<String> kinds();

    /**
     * Writes the state of {@code records} (the latest of each key, as the hub holds them) in one transaction, without
     * journaling it: the hub has it. A key in {@code changedHere} was written here after the last point this appliance
     * and the hub agree on (after the restore, or not yet acknowledged when the copy was taken): its state here may be
     * newer and is not overwritten blindly. A record that cannot be applied safely is left alone and named in a
     * {@link RestoreNote#CONFLICT}. Applying the same records twice changes nothing more.
     *
     * @return what district IT must look at, in the order met
     */
    List<RestoreNote> restore(List<JournalEntry> records, Set<String> changedHere);

    /** Journals the current state of these keys of {@code kind} again, in the ordinary way (after the journal was rebased). */
    void journalAgain(String kind, Collection<String> keys);
}
