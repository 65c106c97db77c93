package org.onewindow.audit.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.Test;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.ChainReport;

/** Many writers at once keep one unbroken chain in commit order; those that roll back leave nothing. */
public class ConcurrentAppendsTest {

    @Test
    public void threadsAppendingAtOnceKeepOneUnbrokenChain() throws Exception {
        DataSource ds = TestTrails.database();
        TrailStore trail = TestTrails.store(ds, new AtomicReference<>("SHA-256"), Clock.systemUTC());
        int threads = 8;
        int each = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                int committed = 0;
                for (int i = 0; i < each; i++) {
                    AuditEvent e = AuditEvent.by("READ_CASE", "clerk" + thread).on("CASE", thread + "/" + i);
                    if (i % 5 == 4) {
                        // a transaction that appends, then fails and rolls back
                        try (Connection c = ds.getConnection()) {
                            c.setAutoCommit(false);
                            trail.append(c, e);
                            c.rollback();
                        }
                    } else if (i % 5 == 3) {
                        // the caller's own transaction with its change
                        try (Connection c = ds.getConnection()) {
                            c.setAutoCommit(false);
                            trail.append(c, e);
                            c.commit();
                        }
                        committed++;
                    } else {
                        trail.record(e);
                        committed++;
                    }
                }
                return committed;
            }));
        }
        int committed = 0;
        for (Future<Integer> f : done) {
            committed += f.get();
        }
        pool.shutdown();
        ChainReport r = trail.verify();
        assertTrue(r.breaks.toString(), r.intact);
        assertEquals(committed, r.checked);
        assertEquals(committed, trail.head().lastSeq());
        List<AuditRecord> all = trail.after(0, committed + 10);
        assertEquals(committed, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).seq);
        }
        assertTrue(all.stream().noneMatch(a -> a.objectKey.endsWith("/4") || a.objectKey.endsWith("/9")));
    }
}
