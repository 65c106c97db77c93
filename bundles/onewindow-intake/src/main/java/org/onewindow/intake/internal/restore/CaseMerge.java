package org.onewindow.intake.internal.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.HistoryEntryDTO;

/**
 * How a case as the city hub holds it meets the case under the same number here, after this appliance was restored from
 * an older copy. The history is append-only, so it orders the two: whichever history begins with the other is the later
 * state of the case. The hub's is normally the later (it is what the copy lost); this appliance's is later where a case
 * moved on here after the restore (it is kept, and journaled again). Where both moved on from a common beginning, the
 * hub's state is taken and the steps made only here are kept in the history after it and reported. A case of another
 * applicant or another moment under the number is a number issued twice, which is never merged.
 */
final class CaseMerge {
    enum Outcome { TAKE_HUB, KEEP_HERE, DIVERGED, OTHER_CASE }

    /** What to do, and the hub's history entries this appliance lacks (to append) and its own the hub lacks. */
    record Verdict(Outcome outcome, List<HistoryEntryDTO> missingHere, List<HistoryEntryDTO> onlyHere) {
    }

    private CaseMerge() {
    }

    /** Whether the two are one case: the same applicant, taken in at the same moment. */
    static boolean sameCase(String applicantHere, Instant createdHere, CaseDTO hub) {
        return hub.applicant != null && Objects.equals(applicantHere, hub.applicant.idNumber) && hub.createdAt != null
                && createdHere.equals(Instant.parse(hub.createdAt));
    }

    static Verdict judge(String applicantHere, Instant createdHere, List<HistoryEntryDTO> here, CaseDTO hub) {
        if (!sameCase(applicantHere, createdHere, hub)) {
            return new Verdict(Outcome.OTHER_CASE, List.of(), List.of());
        }
        List<HistoryEntryDTO> there = hub.history == null ? List.of() : hub.history;
        int common = 0;
        while (common < here.size() && common < there.size() && same(here.get(common), there.get(common))) {
            common++;
        }
        List<HistoryEntryDTO> missingHere = new ArrayList<>(there.subList(common, there.size()));
        List<HistoryEntryDTO> onlyHere = new ArrayList<>(here.subList(common, here.size()));
        if (onlyHere.isEmpty()) {
            return new Verdict(Outcome.TAKE_HUB, missingHere, onlyHere);
        }
        if (missingHere.isEmpty()) {
            return new Verdict(Outcome.KEEP_HERE, missingHere, onlyHere);
        }
        return new Verdict(Outcome.DIVERGED, missingHere, onlyHere);
    }

    /** One step, as both record it (the time to the millisecond the database keeps). */
    static boolean same(HistoryEntryDTO a, HistoryEntryDTO b) {
        return Objects.equals(Instant.parse(a.at).toEpochMilli(), Instant.parse(b.at).toEpochMilli()) && Objects.equals(a.by, b.by)
                && a.from == b.from && a.to == b.to && Objects.equals(a.note, b.note);
    }
}
