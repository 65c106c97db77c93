package org.onewindow.bench.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.db.Jdbc;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.BundleContext;

/**
 * {@code onewindow:bench-pipeline}: the window's intake of a case done the plainest way, as the like-for-like ceiling of
 * {@code IntakeLoadBench} (issue 21): per case the same three durable commits (open: the case and its first step;
 * the scan's row; accept: the case's new status and step) and the same 200 KB file written to a temporary file,
 * hashed (SHA-256) on the way, fsynced, moved into place and its folder fsynced, with plain JDBC and file I/O in the
 * appliance's JVM, on its database and disk, at the same concurrency. No HTTP, JSON, JPA, rules or audit trail: what
 * intake adds to this is what the appliance itself costs.
 */
@Command(scope = "onewindow", name = "bench-pipeline", description = "Like-for-like raw intake: three durable commits and a 200 KB fsynced, hashed file per case")
@Service
public class PipelineBaselineCommand implements Action {
    private static final int FILE_BYTES = 200 * 1024;

    @Reference(filter = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    @Reference
    BundleContext context;

    @Option(name = "-t", aliases = "--threads", description = "Concurrent clerks")
    int threads = 8;

    @Option(name = "-d", aliases = "--seconds", description = "How long to take cases in")
    int seconds = 10;

    @Override
    public Object execute() throws Exception {
        migrations.migrate("bench", context.getBundle(), "db/migration/bench");
        Path folder = Paths.get(System.getProperty("karaf.data", "data"), "onewindow", "bench-pipeline");
        Files.createDirectories(folder);
        try {
            ConcurrentWriters.Figures f = ConcurrentWriters.run(threads, seconds, (worker, end) -> casesUntil(folder, worker, end));
            System.out.printf("raw pipeline, %d threads: %.1f cases/s, case p50 %.1f ms, p99 %.1f ms (%d cases, 3 commits and a 200 KB"
                    + " fsynced file each, in %.1f s)%n", threads, f.perSecond(), f.p50Millis(), f.p99Millis(), f.writes(), f.seconds());
        } finally {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM BENCH_FILE");
                st.execute("DELETE FROM BENCH_CASE_STEP");
                st.execute("DELETE FROM BENCH_CASE");
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return null;
    }

    private long[] casesUntil(Path folder, int worker, long end) throws Exception {
        List<Long> times = new ArrayList<>();
        byte[] content = new byte[FILE_BYTES];
        byte[] unique = new byte[16];
        Random random = new Random(worker);
        random.nextBytes(content);
        try (Connection c = dataSource.getConnection();
                PreparedStatement open = c.prepareStatement("INSERT INTO BENCH_CASE (CASE_NO, STATUS, PAYLOAD, UPDATED_AT) VALUES (?, ?, ?, ?)");
                PreparedStatement step = c.prepareStatement("INSERT INTO BENCH_CASE_STEP (CASE_NO, STATUS, STEP_AT) VALUES (?, ?, ?)");
                PreparedStatement file = c.prepareStatement("INSERT INTO BENCH_FILE (SHA256, CASE_NO, SIZE_BYTES) VALUES (?, ?, ?)");
                PreparedStatement accept = c.prepareStatement("UPDATE BENCH_CASE SET STATUS = ?, UPDATED_AT = ? WHERE CASE_NO = ?")) {
            c.setAutoCommit(false);
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                String caseNo = "441302-BENCH-" + worker + "-" + times.size();
                Timestamp now = new Timestamp(System.currentTimeMillis());
                // 1. open: the case and its first step
                update(open, caseNo, "DRAFT", "{\"caseNo\":\"" + caseNo + "\",\"itemCode\":\"GA-HJ-001\",\"applicant\":\"张三\"}", now);
                update(step, caseNo, "DRAFT", now);
                c.commit();
                // 2. the scan: a file of its own bytes, on the disk before its row commits
                random.nextBytes(unique);
                System.arraycopy(unique, 0, content, 0, unique.length);
                update(file, store(folder, content), caseNo, (long) content.length);
                c.commit();
                // 3. accept
                update(accept, "ACCEPTED", now, caseNo);
                update(step, caseNo, "ACCEPTED", now);
                c.commit();
                times.add(System.nanoTime() - t);
            }
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    /** Written to a temporary file while hashed, fsynced, moved to its name (the hash) and the folder fsynced, as scans are. */
    private static String store(Path folder, byte[] content) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Path temp = Files.createTempFile(folder, "upload", ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            for (int at = 0; at < content.length; at += 65536) {
                int n = Math.min(65536, content.length - at);
                sha.update(content, at, n);
                channel.write(ByteBuffer.wrap(content, at, n));
            }
            channel.force(true);
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        Files.move(temp, folder.resolve(hash), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // a folder cannot be fsynced on every platform; the file's own fsync stands
        }
        return hash;
    }

    private static void update(PreparedStatement s, Object... values) throws SQLException {
        Jdbc.bind(s, values);
        s.executeUpdate();
    }
}
