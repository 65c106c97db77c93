package org.onewindow.intake.internal.cases;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.onewindow.db.ChangeJournal;
import org.onewindow.rest.Json;

/**
 * Journals every case a transaction changed, in that transaction: the entities report themselves
 * when they are written ({@code @PostPersist}, {@code @PostUpdate}), and before the commit each
 * changed case is appended to the {@link ChangeJournal} whole ({@link CaseViews#replica}), for the
 * city hub. No code path that changes a case can forget it.
 */
public final class CaseChanges {
    public static final String KIND = "CASE";
    /**
     * A case another district accepted, decided here (全市通办): the hub keeps it apart from this
     * district's own cases and answers the accepting district with its decision.
     */
    public static final String FOREIGN_KIND = "FOREIGN_CASE";
    /** Per thread, the cases changed by each open transaction (innermost last). */
    private static final ThreadLocal<Deque<Map<String, CaseEntity>>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private CaseChanges() {
    }

    /** Runs {@code work} and journals the cases it changed before its transaction commits. */
    static <R> Function<EntityManager, R> journaled(ChangeJournal journal, Function<EntityManager, R> work) {
        return em -> {
            Deque<Map<String, CaseEntity>> open = OPEN.get();
            Map<String, CaseEntity> changed = new LinkedHashMap<>();
            open.push(changed);
            try {
                R result = work.apply(em);
                em.flush();
                if (!changed.isEmpty()) {
                    Connection connection = em.unwrap(Connection.class);
                    for (CaseEntity c : changed.values()) {
                        journal.append(connection, c.originDistrict == null ? KIND : FOREIGN_KIND, c.caseNo, Json.write(CaseViews.replica(c)));
                    }
                }
                return result;
            } finally {
                open.pop();
                if (open.isEmpty()) {
                    OPEN.remove();
                }
            }
        };
    }

    /** Called by the entities when written: outside a journaled transaction nothing is recorded. */
    public static void changed(CaseEntity c) {
        Map<String, CaseEntity> changed = OPEN.get().peek();
        if (changed != null && c != null && c.caseNo != null) {
            changed.put(c.caseNo, c);
        }
    }
}
