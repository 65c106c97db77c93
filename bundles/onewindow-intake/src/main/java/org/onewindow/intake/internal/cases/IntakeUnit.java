package org.onewindow.intake.internal.cases;

import java.util.List;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.db.ChangeJournal;

/**
 * Intake's persistence unit with the change journal its transactions write to: what the parts of a service share,
 * so that each runs its transactions as {@link Cases#tx} does (journaled, run again after a passing failure).
 */
public record IntakeUnit(JpaTemplate jpa, ChangeJournal journal) {

    public <R> R tx(Function<EntityManager, R> work) {
        return Cases.tx(jpa, journal, work);
    }

    /** {@link Cases#refuseUnlisted}: the refusal recorded in a transaction of its own. */
    public void refuseUnlisted(CatalogItemDTO item, List<String> codes, String caseNo, String by) {
        Cases.refuseUnlisted(jpa, item, codes, caseNo, by);
    }
}
