package org.onewindow.db;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a database failure means, by SQLState, and what to do about the passing ones. */
public final class DbFailures {
    private static final Logger LOG = LoggerFactory.getLogger(DbFailures.class);

    private DbFailures() {
    }

    /**
     * Runs a whole transaction again when the database rolled it back for a reason that passes: a
     * deadlock or a lock wait timeout (SQLState class 40) under many concurrent clerks. Safe because
     * the rolled-back attempt left nothing behind; any other failure is passed on at once.
     */
    public static <R> R retryTransient(int attempts, Supplier<R> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isTransient(e)) {
                    throw e;
                }
                LOG.info("Transaction rolled back by the database under contention, running it again ({} of {})", attempt + 1, attempts);
            }
        }
    }

    /**
     * Whether a failure is a rollback that need not happen again: deadlock or lock timeout, or an
     * optimistic lock failure (another transaction changed the same row first; running again reads it anew).
     */
    public static boolean isTransient(Throwable e) {
        return hasState(e, "40") || isOptimisticLockFailure(e);
    }

    /** By name, so that this bundle needs no JPA: {@code javax.persistence} and EclipseLink both call it so. */
    private static boolean isOptimisticLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ("OptimisticLockException".equals(t.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure is a unique key violation (SQLState 23505), such as two writers taking one number, also inside a batch. */
    public static boolean isUniqueViolation(Throwable e) {
        return hasState(e, "23505");
    }

    /** Follows causes and, for a failed batch, the chained next exceptions, which carry the real state. */
    private static boolean hasState(Throwable e, String prefix) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof SQLException ? ((SQLException) t).getNextException() : null) {
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null
                    && ((SQLException) t).getSQLState().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
