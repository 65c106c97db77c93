package org.onewindow.db;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

public class DbFailuresTest {

    /** Named as JPA and EclipseLink name theirs. */
    static final class OptimisticLockException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    public void deadlocksTimeoutsAndLostRacesPassOthersDoNot() {
        assertTrue(DbFailures.isTransient(new RuntimeException(new SQLException("deadlock", "40001"))));
        assertTrue(DbFailures.isTransient(new RuntimeException(new SQLException("lock timeout", "40XL1"))));
        assertTrue(DbFailures.isTransient(new IllegalStateException("commit failed", new OptimisticLockException())));
        assertFalse(DbFailures.isTransient(new RuntimeException(new SQLException("duplicate", "23505"))));
        assertFalse(DbFailures.isTransient(new IllegalArgumentException("bad input")));
        assertTrue(DbFailures.isUniqueViolation(new RuntimeException(new SQLException("duplicate", "23505"))));
    }

    @Test
    public void aTransactionThatLostARaceRunsAgainWhole() {
        AtomicInteger runs = new AtomicInteger();
        String result = DbFailures.retryTransient(3, () -> {
            if (runs.incrementAndGet() < 3) {
                throw new OptimisticLockException();
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, runs.get());
    }

    @Test
    public void givesUpAfterTheAttemptsAndPassesOtherFailuresAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        try {
            DbFailures.retryTransient(2, () -> {
                runs.incrementAndGet();
                throw new OptimisticLockException();
            });
            fail();
        } catch (OptimisticLockException expected) {
            assertEquals(2, runs.get());
        }
        runs.set(0);
        try {
            DbFailures.retryTransient(5, () -> {
                runs.incrementAndGet();
                throw new IllegalArgumentException("bad input");
            });
            fail();
        } catch (IllegalArgumentException expected) {
            assertEquals(1, runs.get());
        }
    }
}
