package org.onewindow.evaluation.internal.journal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.RestoreNote;
import org.onewindow.evaluation.internal.EvaluationStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * After this appliance was restored from an older backup: the ratings the city hub holds are put back (their services,
 * ratings and rectifications), except those changed here since; the months' figures are computed here again and sent.
 */
@Component(service = JournalRestore.class)
public class RatingRestore implements JournalRestore {
    @Reference
    EvaluationStore store;

    @Reference
    ChangeJournal journal;

    @Reference
    MonthFigures months;

    /** The unit tests' way in. */
    static RatingRestore of(EvaluationStore store, ChangeJournal journal) {
        RatingRestore r = new RatingRestore();
        r.store = store;
        r.journal = journal;
        return r;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(RatingRecords.KIND, MonthFigures.KIND);
    }

    @Override
    public List<RestoreNote> restore(List<JournalEntry> records, Set<String> changedHere) {
        Map<String, JournalEntry> latest = new LinkedHashMap<>();
        for (JournalEntry e : records) {
            if (RatingRecords.KIND.equals(e.kind) && !changedHere.contains(e.key)) {
                latest.put(e.key, e);
            }
        }
        store.tx(c -> {
            for (JournalEntry e : latest.values()) {
                RatingRecords.Payload p = RatingRecords.read(e.payload);
                RatingRecords.put(c, p, store.zone());
                store.changed(java.time.LocalDate.ofInstant(java.time.Instant.parse(p.rating().ratedAt()), store.zone()));
            }
            return null;
        });
        return List.of();
    }

    @Override
    public void journalAgain(String kind, Collection<String> keys) {
        if (MonthFigures.KIND.equals(kind)) {
            if (months != null) {
                months.again(keys);
            }
            return;
        }
        store.tx(c -> {
            for (String key : keys) {
                RatingRecords.appendAgain(c, journal, key, store.today());
            }
            return null;
        });
    }
}
