package org.onewindow.db.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;
import org.onewindow.db.DbFailures;

public class DbFailuresTest {

    /** Named as JPA and EclipseLink name theirs. */
    static final class OptimisticLockException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    public void aTransactionThatLostARaceToTheSameRowRunsAgainWhole() {
        AtomicInteger tries = new AtomicInteger();
        assertEquals("done", DbFailures.retryTransient(3, () -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalStateException("commit failed", new OptimisticLockException());
            }
            return "done";
        }));
        assertEquals(3, tries.get());
        assertEquals(false, DbFailures.isTransient(new IllegalArgumentException("bad input")));
    }

    @Test
    public void aUniqueViolationIsFoundAlsoChainedBehindAFailedBatch() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", "XJ208", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertTrue(DbFailures.isUniqueViolation(new IllegalStateException(batch)));
        assertTrue(DbFailures.isUniqueViolation(new SQLException("duplicate key", "23505")));
        assertFalse(DbFailures.isUniqueViolation(new BatchUpdateException("batch failed", "XJ208", new int[0])));
    }

    @Test
    public void lockTimeoutsAreRetried() {
        AtomicInteger tries = new AtomicInteger();
        assertEquals("done", DbFailures.retryTransient(3, () -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalStateException(new SQLTransactionRollbackException("lock timeout", "40XL1"));
            }
            return "done";
        }));
        assertEquals(3, tries.get());
    }

    @Test
    public void uniqueViolationsAreKnownByState() {
        assertEquals(true, DbFailures.isUniqueViolation(new RuntimeException(new java.sql.SQLException("dup", "23505"))));
        assertEquals(false, DbFailures.isUniqueViolation(new RuntimeException("no SQL here")));
    }

    @Test
    public void otherFailuresAndTheLastAttemptPassOn() {
        AtomicInteger tries = new AtomicInteger();
        try {
            DbFailures.retryTransient(3, () -> {
                tries.incrementAndGet();
                throw new IllegalStateException(new java.sql.SQLIntegrityConstraintViolationException("dup", "23505"));
            });
            fail();
        } catch (IllegalStateException expected) {
            assertEquals(1, tries.get());
        }
        try {
            DbFailures.retryTransient(2, () -> {
                throw new IllegalStateException(new SQLTransactionRollbackException("deadlock", "40001"));
            });
            fail();
        } catch (IllegalStateException expected) {
            // given up after two attempts
        }
    }
}
