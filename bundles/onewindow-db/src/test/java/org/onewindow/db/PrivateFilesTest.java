package org.onewindow.db;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PrivateFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** Callers append without a lock of their own (the notices of a booking rush): no line is lost or torn, the file is 0600. */
    @Test
    public void concurrentAppendsToAMissingFileLandWholeInAPrivateFile() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("notices").resolve("notices.jsonl");
        int threads = 8;
        int lines = 400;
        String padding = "短信".repeat(100);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < lines; i++) {
                    PrivateFiles.append(file, (thread + ":" + i + ":" + padding + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        List<String> written = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(threads * lines, written.size());
        Set<String> seen = new HashSet<>();
        for (String line : written) {
            String[] parts = line.split(":", 3);
            assertEquals("a torn line: " + line, padding, parts[2]);
            assertTrue("twice: " + line, seen.add(parts[0] + ":" + parts[1]));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
