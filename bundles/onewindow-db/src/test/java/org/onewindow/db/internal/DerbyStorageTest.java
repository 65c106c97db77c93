package org.onewindow.db.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.PrintWriter;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;
import org.onewindow.db.StorageState;

public class DerbyStorageTest {
    private static int databases;

    @Test
    public void aWritableDatabaseOnADiskWithRoom() {
        DerbyStorage storage = storage(derby(false), config(2048, 5, 30));
        StorageState state = storage.state();
        assertTrue(state.toString(), state.writable());
        assertNull(state.fault());
        assertTrue(state.freeBytes() > 0);
        assertTrue(state.totalBytes() >= state.freeBytes());
    }

    /** Derby refusing the write of a read-only connection as it refuses it on a read-only filesystem (25502). */
    @Test
    public void aDatabaseThatRefusesWritesIsReadOnly() {
        DerbyStorage storage = storage(derby(true), config(2048, 5, 30));
        StorageState state = storage.state();
        assertFalse(state.writable());
        assertEquals("DATABASE_READ_ONLY", state.fault());
    }

    @Test
    public void theWriteIsCheckedAtMostEveryProbeSeconds() {
        boolean[] readOnly = {false};
        DerbyStorage storage = storage(switching(readOnly), config(2048, 5, 30));
        Instant t0 = Instant.parse("2026-12-06T02:00:00Z");
        storage.clock = Clock.fixed(t0, ZoneOffset.UTC);
        assertTrue(storage.state().writable());
        readOnly[0] = true;
        storage.clock = Clock.fixed(t0.plusSeconds(10), ZoneOffset.UTC);
        assertTrue("still the check of 10 s ago", storage.state().writable());
        storage.clock = Clock.fixed(t0.plusSeconds(31), ZoneOffset.UTC);
        assertFalse(storage.state().writable());
    }

    @Test
    public void afterAFailedCheckTheNextComesSoonerAndARecheckAtOnce() {
        boolean[] readOnly = {true};
        DerbyStorage storage = storage(switching(readOnly), config(2048, 5, 30));
        Instant t0 = Instant.parse("2026-12-06T02:00:00Z");
        storage.clock = Clock.fixed(t0, ZoneOffset.UTC);
        assertFalse(storage.state().writable());
        readOnly[0] = false;
        storage.clock = Clock.fixed(t0.plusSeconds(DerbyStorage.RETRY_SECONDS - 1), ZoneOffset.UTC);
        assertFalse("the failed check of a moment ago", storage.state().writable());
        storage.clock = Clock.fixed(t0.plusSeconds(DerbyStorage.RETRY_SECONDS), ZoneOffset.UTC);
        assertTrue("checked again well before probeSeconds", storage.state().writable());

        readOnly[0] = true;
        Instant t1 = t0.plusSeconds(DerbyStorage.RETRY_SECONDS);
        storage.clock = Clock.fixed(t1.plusMillis(500), ZoneOffset.UTC);
        assertTrue("no recheck within a second of the last check", storage.recheck().writable());
        storage.clock = Clock.fixed(t1.plusSeconds(1), ZoneOffset.UTC);
        assertEquals("DATABASE_READ_ONLY", storage.recheck().fault());
    }

    @Test
    public void theSmallerOfTheThresholdsThatAreSetCounts() {
        long gib = 1024L * 1024 * 1024;
        assertEquals("5 % of 20 GiB is less than 2 GiB", gib, DerbyStorage.threshold(config(2048, 5, 30), 20 * gib));
        assertEquals("2 GiB is less than 5 % of 1 TiB", 2 * gib, DerbyStorage.threshold(config(2048, 5, 30), 1024 * gib));
        assertEquals(2 * gib, DerbyStorage.threshold(config(2048, 0, 30), 20 * gib));
        assertEquals(gib, DerbyStorage.threshold(config(0, 5, 30), 20 * gib));
        assertEquals("neither: not checked", 0, DerbyStorage.threshold(config(0, 0, 30), 20 * gib));
        assertTrue(new StorageState(true, null, null, gib - 1, 20 * gib, gib).low());
        assertFalse(new StorageState(true, null, null, gib, 20 * gib, gib).low());
        assertFalse("unknown free space is not low", new StorageState(true, null, null, -1, -1, gib).low());
    }

    /** A database whose connections refuse writes while {@code readOnly[0]}, as Derby does on a read-only filesystem. */
    private static DataSource switching(boolean[] readOnly) {
        EmbeddedDataSource db = derby(false);
        return new Delegating(db) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = db.getConnection();
                c.setReadOnly(readOnly[0]);
                return c;
            }
        };
    }

    private static DerbyStorage storage(DataSource ds, StorageConfig config) {
        DerbyStorage storage = new DerbyStorage();
        storage.dataSource = ds;
        storage.activate(config);
        return storage;
    }

    private static EmbeddedDataSource derby(boolean readOnly) {
        EmbeddedDataSource ds = new EmbeddedDataSource() {
            private static final long serialVersionUID = 1L;

            @Override
            public Connection getConnection() throws SQLException {
                Connection c = super.getConnection();
                c.setReadOnly(readOnly);
                return c;
            }
        };
        ds.setDatabaseName("memory:storage" + (++databases));
        ds.setCreateDatabase("create");
        return ds;
    }

    private static StorageConfig config(long megabytes, int percent, int probeSeconds) {
        return new StorageConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StorageConfig.class;
            }

            @Override
            public long minFreeMegabytes() {
                return megabytes;
            }

            @Override
            public int minFreePercent() {
                return percent;
            }

            @Override
            public int probeSeconds() {
                return probeSeconds;
            }
        };
    }

    /** A data source passing everything on, for a test to change one method. */
    private static class Delegating implements DataSource {
        private final DataSource d;

        Delegating(DataSource d) {
            this.d = d;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return d.getConnection();
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return d.getConnection(u, p);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return d.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            d.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            d.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return d.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return d.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return d.isWrapperFor(iface);
        }
    }
}
