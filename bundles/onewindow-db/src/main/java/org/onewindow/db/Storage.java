package org.onewindow.db;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The disk under {@code data/onewindow} (the database and the scanned files) and whether the database can be written:
 * what the node's health, {@code onewindow:status} and the console show district IT before writes fail.
 */
@ProviderType
public interface Storage {

    /** As of now; the write check is made at most every {@code probeSeconds} of {@code etc/org.onewindow.storage.cfg}. */
    StorageState state();

    /**
     * As of now, the write check made again unless made within the last second: for a caller that has just seen the
     * database fail in a way that names no storage fault (Derby, shutting a database down after a failed write, first
     * answers "no current connection" or "table does not exist"), to tell whether the disk is behind it. A storage
     * that checks nothing ahead of time has nothing to make again: its state.
     */
    default StorageState recheck() {
        return state();
    }
}
