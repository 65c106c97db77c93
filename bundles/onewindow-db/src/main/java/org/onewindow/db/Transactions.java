package org.onewindow.db;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/** The one way capabilities run a unit of work: one transaction, run again whole after a passing rollback. */
public final class Transactions {
    private static final int ATTEMPTS = 3;

    private Transactions() {
    }

    /** {@code work} in one transaction; a deadlock, lock timeout or lost optimistic race runs it again (see {@link DbFailures}). */
    public static <R> R required(JpaTemplate jpa, Function<EntityManager, R> work) {
        return DbFailures.retryTransient(ATTEMPTS, () -> jpa.txExpr(TransactionType.Required, work::apply));
    }
}
