package org.onewindow.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * Keeps the background loops (relay, replication, the inbox, the queue's, 好差评's, the case notices) from asking Derby
 * while the disk under it is full: under 1 MiB free, as onewindow-db's {@code DerbyStorage} sees it with one statfs. On
 * a full disk Derby shuts the database down at the first write that fails and boots it again for the next connection, so
 * every look of every loop cost a boot and a failure in derby.log: StorageFaultsIT counted 22 boots in 15 s with each
 * loop backing off on its own. A loop calls {@link #check()} before its look; the refusal reads as the JDK's "No space
 * left on device", which every loop already takes for a storage fault (its longest wait). Not for requests (the REST
 * edge's StorageGuard refuses those) nor logins: district IT signs in to the shell to free the disk.
 */
public final class DiskGate {
    private static final BooleanSupplier NEVER = () -> false;
    private static volatile BooleanSupplier full = NEVER;

    private DiskGate() {
    }

    /** Refuses at once while the disk is full; nothing when no storage service watches it (the unit tests). */
    public static void check() {
        if (full.getAsBoolean()) {
            throw new UncheckedIOException(new IOException("No space left on device: less than 1 MiB free under data/onewindow,"
                    + " the database was not asked"));
        }
    }

    /** For the storage service: {@code isFull} answers whether the disk is full now, without asking the database. */
    public static void watch(BooleanSupplier isFull) {
        full = isFull;
    }

    /** For the storage service, when it stops. */
    public static void release(BooleanSupplier isFull) {
        if (full == isFull) {
            full = NEVER;
        }
    }
}
