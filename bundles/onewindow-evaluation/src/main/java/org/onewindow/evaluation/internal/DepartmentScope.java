package org.onewindow.evaluation.internal;

import java.util.List;

import org.onewindow.security.Actor;

/** The departments whose ratings a member of staff reads: a department's supervisor theirs, the hall's every one. */
public final class DepartmentScope {

    private DepartmentScope() {
    }

    /** The departments {@code actor} is limited to; empty when every department is theirs (no department, or all of them). */
    public static List<String> of(Actor actor) {
        return actor.departments().isEmpty() || actor.worksFor(Actor.ALL_DEPARTMENTS) ? List.of() : List.copyOf(actor.departments());
    }
}
