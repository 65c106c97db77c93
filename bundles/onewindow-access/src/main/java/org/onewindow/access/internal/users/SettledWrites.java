package org.onewindow.access.internal.users;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.karaf.jaas.modules.BackingEngine;

/**
 * Karaf rewrites users.properties whenever the file changes (to encrypt plain passwords), from what
 * it read; racing a writer, that rewrite can lose the writer's last change. So a change to the user
 * store is read back once the file is quiet, and written again until it holds.
 */
public final class SettledWrites {
    public static final int ROUNDS = 10;
    static final long QUIET_MILLIS = 300;

    private SettledWrites() {
    }

    /** Whether {@code holds} came true, writing again with {@code write} each time it did not. */
    public static boolean settle(Supplier<BackingEngine> store, Predicate<BackingEngine> holds, Consumer<BackingEngine> write) {
        for (int round = 0; round < ROUNDS; round++) {
            try {
                Thread.sleep(QUIET_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            BackingEngine fresh = store.get();
            if (holds.test(fresh)) {
                return true;
            }
            write.accept(fresh);
        }
        return false;
    }
}
