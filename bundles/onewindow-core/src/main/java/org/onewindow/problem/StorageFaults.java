package org.onewindow.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What a failure of the disk under the appliance means, whoever met it: Derby refusing a page or the transaction log,
 * the JDK refusing a file. A full disk is {@code 507 STORAGE_FULL}, a database that cannot be written (a read-only
 * filesystem after a disk error) {@code 503 DATABASE_READ_ONLY}; both say nothing was saved and whom to tell, and both
 * pass once district IT has fixed the disk. The REST edge answers so, and the background loops (relay, replication,
 * cross-district inbox) wait longer instead of asking the database again at once: Derby shuts a database down on such a
 * failure, and every new connection boots it again.
 */
public final class StorageFaults {
    public static final String FULL = "STORAGE_FULL";
    public static final String READ_ONLY = "DATABASE_READ_ONLY";
    /** Derby: a page not written (the disk is full, a quota), the log not written, a page not written during recovery. */
    private static final Set<String> FULL_STATES = Set.of("XSDG1", "XSLA4", "XSDFI");
    /** Derby: a change or DDL on a read-only database, an update of a read-only database. */
    private static final Set<String> READ_ONLY_STATES = Set.of("25502", "25503", "XSLAH");
    /**
     * Derby: no current connection, the database shut down, it failed to start, it was not found, its log marked to
     * shut down after an earlier failure.
     */
    private static final Set<String> DOWN_STATES = Set.of("08003", "08006", "XJ040", "XJ004", "XSLAJ");
    /** How the operating system says it, as the JDK passes it on: Linux, macOS and Windows. */
    private static final String[] NO_SPACE = {"no space left on device", "disk quota exceeded", "not enough space on the disk"};
    private static final Duration RETRY = Duration.ofMinutes(1);

    private StorageFaults() {
    }

    /** Whether {@code failure} (or what caused it) is a write refused because the disk is full. */
    public static boolean isFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t, failure)) {
            if (t instanceof SQLException && FULL_STATES.contains(((SQLException) t).getSQLState())) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                for (String words : NO_SPACE) {
                    if (message.contains(words)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} is a write refused because the database or the disk can only be read (Derby's read-only
     * states, or the operating system's "Read-only file system" under Derby's log error, which also names a full disk).
     */
    public static boolean isReadOnly(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t, failure)) {
            if (t instanceof SQLException && READ_ONLY_STATES.contains(((SQLException) t).getSQLState())) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("read-only file system")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code failure} is either, or the database not there because Derby shut it down after one (no current
     * connection, shut down, not started, not found, its log closed): waiting is the answer, not trying again at once.
     * Each try would make Derby boot the database again, and on a full disk it shuts it down again at the first write.
     */
    public static boolean isStorageFault(Throwable failure) {
        return isFull(failure) || isReadOnly(failure) || isDatabaseDown(failure);
    }

    /** Whether {@code failure} says the database is not there to use (see {@link #isStorageFault}). */
    static boolean isDatabaseDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t, failure)) {
            if (t instanceof SQLException && DOWN_STATES.contains(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The problem a caller is told for a storage fault, or null if {@code failure} is none. */
    public static Problem problemOf(Throwable failure) {
        // read-only first: Derby's "log not written" says a full disk or a read-only one, the cause tells them apart
        if (!isReadOnly(failure) && isFull(failure)) {
            return full();
        }
        return isReadOnly(failure) ? readOnly() : null;
    }

    /**
     * The problem a caller is told while the storage is known to be in {@code fault} ({@link #FULL} or {@link #READ_ONLY},
     * as {@code org.onewindow.db.StorageState} names it), or null for any other value: a request the database failed
     * in ways of its own while it shut down or booted again after the fault is answered as the fault it came from.
     */
    public static Problem problemFor(String fault) {
        return FULL.equals(fault) ? full() : READ_ONLY.equals(fault) ? readOnly() : null;
    }

    /** The database or its disk can only be read: nothing was saved. */
    public static Problem readOnly() {
        return Problem.retryLater(ProblemKind.UNAVAILABLE, READ_ONLY,
                "数据库暂时只能读取，本次操作没有保存。请通知信息科检查服务器磁盘；已保存的办件不受影响，修复后重新提交即可。", RETRY);
    }

    /** The disk is full: nothing was saved. */
    public static Problem full() {
        return Problem.retryLater(ProblemKind.INSUFFICIENT_STORAGE, FULL,
                "服务器存储空间已满，本次操作没有保存。请通知信息科清理或扩充磁盘；已保存的办件不受影响，腾出空间后重新提交即可。", RETRY);
    }

    /** Causes, and for a failed batch the chained next exceptions, which carry the real state. */
    private static Throwable next(Throwable t, Throwable first) {
        Throwable next = t.getCause() != null ? t.getCause() : t instanceof SQLException ? ((SQLException) t).getNextException() : null;
        return next == first || next == t ? null : next;
    }
}
