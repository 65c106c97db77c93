package org.onewindow.access.internal.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/**
 * Changes a realm's users file ({@code etc/users.properties}) one change at a time, each published
 * whole. Karaf's properties store saves by truncating the file and writing it again, so a login
 * reading it meanwhile finds nobody (and fails), and Karaf's own watcher, which rewrites the file
 * to hash a plain password, could write back what it read half-way. So a change is made by Karaf's
 * store on a private copy in the same folder, forced to disk, and renamed over the file: a reader
 * sees the file before or after a change, never between. Changes in this appliance are serialised
 * per file, so none is lost to another made at the same time.
 */
public final class UsersFileChanges {
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private UsersFileChanges() {
    }

    /**
     * Applies {@code change} to the store that {@code factory} makes of the file named by the
     * {@code users} option, and publishes the file if it returns; if it throws, the file is as it was.
     */
    public static <T> T change(BackingEngineFactory factory, Map<String, ?> options, Function<BackingEngine, T> change) {
        Path file = Path.of(String.valueOf(options.get("users"))).toAbsolutePath();
        ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        Path copy = null;
        try {
            // createTempFile makes the copy owner-only (0600), which the renamed file keeps
            copy = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            if (Files.exists(file)) {
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Object> onCopy = new HashMap<>(options);
            onCopy.put("users", copy.toString());
            T result = change.apply(factory.build(onCopy));
            try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(copy, file);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change " + file, e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // the copy is a hidden file beside the real one; the next change makes another
                }
            }
            lock.unlock();
        }
    }

    private static void move(Path copy, Path file) throws IOException {
        try {
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so only an odd file system refuses; a plain replacement is still whole on Linux
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
