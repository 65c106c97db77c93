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
}
