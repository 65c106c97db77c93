package org.onewindow.access.internal.users;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A login reads users.properties while the security administrator changes it, and Karaf's own watcher
 * rewrites it from what it read (CI, stop 26: the demo clerk could no longer log in after another
 * user was added). Every reader must see the file whole, before or after a change, never in between.
 */
public class UsersFileChangesTest {
    private static final int USERS = 40;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final PropertiesBackingEngineFactory factory = new PropertiesBackingEngineFactory();

    @Test
    public void aReaderNeverSeesTheFileHalfWritten() throws Exception {
        Path file = usersFile();
        Map<String, Object> options = Map.of("users", file.toString());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger torn = new AtomicInteger();
        AtomicReference<String> firstTorn = new AtomicReference<>();
        ExecutorService readers = Executors.newSingleThreadExecutor();
        Future<?> reader = readers.submit(() -> {
            while (writing.get()) {
                Properties seen = read(file);
                reads.incrementAndGet();
                if (seen == null || !seen.containsKey("clerk") || !seen.containsKey("user" + (USERS - 1))) {
                    torn.incrementAndGet();
                    firstTorn.compareAndSet(null, seen == null ? "unreadable" : seen.size() + " entries");
                }
            }
        });
        try {
            for (int i = 0; i < 300; i++) {
                int n = i;
                UsersFileChanges.change(factory, options, engine -> {
                    engine.addRole("user" + (n % USERS), "role" + n);
                    return null;
                });
            }
        } finally {
            writing.set(false);
            reader.get();
            readers.shutdown();
        }
        assertTrue("the reader read while the file changed", reads.get() > 10);
        assertEquals("reads of " + reads.get() + " that found the file part written (the first: " + firstTorn.get() + ")", 0, torn.get());
    }

    @Test
    public void concurrentChangesAreAllKept() throws Exception {
        Path file = usersFile();
        Map<String, Object> options = Map.of("users", file.toString());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String role = "w" + writer + "-" + i;
                    UsersFileChanges.change(factory, options, engine -> {
                        engine.addRole("clerk", role);
                        return null;
                    });
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();
        BackingEngine engine = factory.build(options);
        List<String> roles = engine.listRoles(engine.lookupUser("clerk")).stream().map(RolePrincipal::getName).collect(Collectors.toList());
        assertEquals("clerk and 4 x 25 roles, none lost to another writer", 101, roles.size());
    }

    @Test
    public void theFileStaysOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
        Path file = usersFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String answer = UsersFileChanges.change(factory, Map.of("users", file.toString()), engine -> {
            engine.addUser("lisi", "Window-Pass-2026");
            return "done";
        });
        assertEquals("done", answer);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var names = Files.list(file.getParent())) {
            assertEquals(List.of("users.properties"), names.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
        assertNotNull(factory.build(Map.of("users", file.toString())).lookupUser("lisi"));
    }

    @Test
    public void aFailedChangeLeavesTheFileAsItWas() throws Exception {
        Path file = usersFile();
        byte[] before = Files.readAllBytes(file);
        try {
            UsersFileChanges.change(factory, Map.of("users", file.toString()), engine -> {
                engine.addUser("lisi", "Window-Pass-2026");
                throw new IllegalStateException("refused half-way");
            });
        } catch (IllegalStateException expected) {
            // the change is not published
        }
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
        try (var names = Files.list(file.getParent())) {
            assertEquals(1, names.count());
        }
    }

    private Path usersFile() throws IOException {
        Path dir = folder.newFolder("etc").toPath();
        StringBuilder text = new StringBuilder("# Karaf's users, one per line: name = password, roles\n");
        text.append("clerk = clerk-demo,clerk\n");
        for (int i = 0; i < USERS; i++) {
            text.append("user").append(i).append(" = password-of-user-").append(i).append("-padded-to-the-length-of-a-bcrypt-hash,clerk,dept-GA\n");
        }
        return Files.writeString(dir.resolve("users.properties"), text);
    }

    /** The file as a login reads it at this instant, or {@code null} if it is not there. */
    private static Properties read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            return p;
        } catch (IOException e) {
            return null;
        }
    }
}
