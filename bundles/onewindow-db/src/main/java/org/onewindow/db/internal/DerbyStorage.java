package org.onewindow.db.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import org.onewindow.db.DiskGate;
import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.problem.StorageFaults;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's Derby and the disk under it. Whether the database can be written is known only by writing: a database
 * property is set in a transaction of its own ({@code onewindow.storage.checkedAt}, which nothing reads), so a database
 * booted read-only (its filesystem remounted read-only after a disk error) or a full disk shows, where a read would
 * succeed. Not with the disk already full: the check itself would make Derby shut the database down and boot it again.
 */
@Component(service = Storage.class, configurationPid = StorageConfig.PID)
@Designate(ocd = StorageConfig.class)
public class DerbyStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(DerbyStorage.class);
    private static final long MIB = 1024L * 1024;
    /** Less than this free, a write is sure to fail: the disk is taken as full without asking Derby. */
    static final long FULL_BELOW_BYTES = 1 * MIB;
    /**
     * After a failed check the next comes sooner than {@code probeSeconds}: the hall's requests are refused while the
     * database cannot be written (see onewindow-rest's StorageGuard), and should pass soon after district IT freed space.
     * Not every second: a check of a database Derby booted read-only boots it again.
     */
    static final int RETRY_SECONDS = 10;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    Clock clock = Clock.systemUTC();
    private Path data;
    private volatile FileStore store;
    private volatile boolean storeOfData;
    private volatile StorageConfig config;
    private volatile Instant checkedAt = Instant.EPOCH;
    /** Held by the one thread making the write check; the others answer with the last check meanwhile. */
    private final ReentrantLock checking = new ReentrantLock();
    private volatile Check last = new Check(true, null, null);

    /** The outcome of one write check. */
    record Check(boolean writable, String fault, String detail) {
    }

    /** What the background loops ask before they look (DiskGate): one statfs, no Derby. */
    private final BooleanSupplier fullNow = () -> {
        try {
            long free = store().getUsableSpace();
            return free >= 0 && free < FULL_BELOW_BYTES;
        } catch (IOException e) {
            return false;
        }
    };

    @Activate
    @Modified
    void activate(StorageConfig config) {
        this.config = config;
        data = Paths.get(System.getProperty("karaf.data", "data"), "onewindow");
        store = null;
        checkedAt = Instant.EPOCH;
        DiskGate.watch(fullNow);
    }

    @Deactivate
    void deactivate() {
        DiskGate.release(fullNow);
    }

    @Override
    public StorageState state() {
        int seconds = last.writable ? config.probeSeconds() : Math.min(config.probeSeconds(), RETRY_SECONDS);
        return stateAfter(Duration.ofSeconds(Math.max(1, seconds)), false);
    }

    @Override
    public StorageState recheck() {
        return stateAfter(Duration.ofSeconds(1), true);
    }

    /** The state, with the write check made again if the last one is older than {@code maxAge}. */
    private StorageState stateAfter(Duration maxAge, boolean wait) {
        long free = -1;
        long total = -1;
        try {
            FileStore store = store();
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            store = null;
            LOG.debug("Free space of {} unknown: {}", data, e.toString());
        }
        Check check = free >= 0 && free < FULL_BELOW_BYTES
                ? new Check(false, StorageFaults.FULL, "less than 1 MiB free on the disk of " + data)
                : recentCheck(maxAge, wait);
        return new StorageState(check.writable, check.fault, check.detail, free, total, threshold(config, total));
    }

    /**
     * The filesystem of {@code data/onewindow}, found once (the JDK reads the mount table to find it; every request asks
     * through StorageGuard), or of the nearest folder above it that exists before the first start.
     */
    private FileStore store() throws IOException {
        FileStore known = store;
        if (known != null && storeOfData) {
            return known;
        }
        Path existing = data.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent(); // before the first start: the disk it will be on
        }
        known = Files.getFileStore(existing);
        storeOfData = existing.equals(data.toAbsolutePath());
        store = known;
        return known;
    }

    /** The smaller of the two thresholds that are set; 0 (no check) when neither is. */
    static long threshold(StorageConfig config, long total) {
        long byBytes = config.minFreeMegabytes() > 0 ? config.minFreeMegabytes() * MIB : Long.MAX_VALUE;
        long byShare = config.minFreePercent() > 0 && total > 0 ? total * config.minFreePercent() / 100 : Long.MAX_VALUE;
        long threshold = Math.min(byBytes, byShare);
        return threshold == Long.MAX_VALUE ? 0 : threshold;
    }

    /**
     * The last check, made again first if older than {@code maxAge}: by one thread, while the others (every request asks,
     * through StorageGuard) go on with the last one instead of waiting for a write transaction; unless {@code wait}, for a
     * caller that has just seen the database fail and needs this check's outcome.
     */
    private Check recentCheck(Duration maxAge, boolean wait) {
        Instant now = clock.instant();
        if (Duration.between(checkedAt, now).compareTo(maxAge) < 0) {
            return last;
        }
        if (wait) {
            checking.lock();
        } else if (!checking.tryLock()) {
            return last;
        }
        try {
            if (Duration.between(checkedAt, now).compareTo(maxAge) >= 0) {
                last = write(now);
                checkedAt = now;
            }
            return last;
        } finally {
            checking.unlock();
        }
    }

    private Check write(Instant now) {
        String url = null;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('onewindow.storage.checkedAt', ?)")) {
                ps.setString(1, now.toString());
                ps.execute();
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
            if (!last.writable) {
                LOG.info("The database can be written again");
            }
            return new Check(true, null, null);
        } catch (SQLException | RuntimeException e) {
            String fault = StorageFaults.isReadOnly(e) || readOnlyFolder() ? StorageFaults.READ_ONLY
                    : StorageFaults.isFull(e) ? StorageFaults.FULL : "DATABASE_FAILED";
            if (last.writable || !fault.equals(last.fault)) {
                LOG.error("The database cannot be written ({}): {}", fault, e.toString());
            }
            if (StorageFaults.READ_ONLY.equals(fault) && !readOnlyFolder() && url != null) {
                bootAgain(url);
            }
            return new Check(false, fault, e.getMessage());
        }
    }

    /**
     * The database's folder on a filesystem the operating system made read-only (after a disk error): Derby then fails in
     * ways of its own (it cannot boot, or cannot write its log), the folder says it plainly.
     */
    private boolean readOnlyFolder() {
        Path folder = data.resolve("derby");
        return Files.isDirectory(folder) && !Files.isWritable(folder);
    }

    /**
     * Derby booted the database read-only because the disk was full when it booted (it could not write its files), and
     * keeps it so while it runs. The disk writable again, the database is shut down: the next connection boots it as it
     * should be, and the hall goes on by itself, as it did when it was rebooted at every failed write. If the disk is
     * still short, it boots read-only again and is tried again at the next check.
     */
    private static void bootAgain(String url) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(url.substring(url.indexOf(':', "jdbc:".length()) + 1));
        derby.setShutdownDatabase("shutdown");
        try (Connection ignored = derby.getConnection()) {
            LOG.warn("The read-only database {} did not shut down", url);
        } catch (SQLException e) {
            if ("08006".equals(e.getSQLState())) {
                LOG.warn("The database was read-only on a writable disk (Derby booted it while the disk was full): shut down, to be booted"
                        + " read-write by the next connection");
            } else {
                LOG.warn("The read-only database could not be shut down: {}", e.toString());
            }
        }
    }

    /** A database that failed the write may be shut down already: what it said first is what counts. */
    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection went with the database
        }
    }
}
