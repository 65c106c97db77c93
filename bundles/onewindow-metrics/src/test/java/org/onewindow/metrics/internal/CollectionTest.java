package org.onewindow.metrics.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.Test;
import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.node.Health;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeRole;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

public class CollectionTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Figures that count how often the database was read. */
    static final class Counted extends DatabaseFigures {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        void read(Connection c) {
            reads.incrementAndGet();
        }

        @Override
        void absent() {
        }
    }

    @Test
    public void twoScrapesWithinTheCacheTimeReadTheDatabaseOnce() throws Exception {
        DataSource ds = Schemas.database();
        Counted counted = new Counted();
        Collection collection = new Collection(registry, node(() -> new Health.Status(Health.UP, List.of()), null),
                List.of(new Collection.Source(counted, () -> ds)), 5);
        CountDownLatch start = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            collection.refresh();
        });
        other.start();
        start.countDown();
        collection.refresh();
        other.join();
        assertFalse(collection.refresh());
        assertEquals(1, counted.reads.get());
        assertTrue(registry.scrape().contains("onewindow_metrics_collect_seconds"));
    }

    @Test
    public void withoutCacheEveryScrapeReads() throws Exception {
        DataSource ds = Schemas.database();
        Counted counted = new Counted();
        Collection collection = new Collection(registry, node(() -> null, null), List.of(new Collection.Source(counted, () -> ds)), 0);
        assertTrue(collection.refresh());
        assertTrue(collection.refresh());
        assertEquals(2, counted.reads.get());
    }

    @Test
    public void healthIsOneForItsStatusAndEachReasonAndTheDiskIsStoragesView() {
        Storage storage = () -> new StorageState(true, null, null, 1_000_000, 8_000_000, 2_000_000);
        Collection collection = new Collection(registry,
                node(() -> new Health.Status(Health.DEGRADED, List.of(new HealthReason("DISK_LOW", "m"), new HealthReason("HUB_LINK_FAILING", "m"))),
                        storage), List.of(), 5);
        collection.refresh();
        String text = registry.scrape();
        assertEquals(1, DatabaseFiguresTest.value(text, "onewindow_health_status{status=\"DEGRADED\"}"), 0);
        assertEquals(0, DatabaseFiguresTest.value(text, "onewindow_health_status{status=\"UP\"}"), 0);
        assertEquals(0, DatabaseFiguresTest.value(text, "onewindow_health_status{status=\"STARTING\"}"), 0);
        assertEquals(1, DatabaseFiguresTest.value(text, "onewindow_health_reason{code=\"DISK_LOW\"}"), 0);
        assertEquals(1, DatabaseFiguresTest.value(text, "onewindow_health_reason{code=\"HUB_LINK_FAILING\"}"), 0);
        assertEquals(1_000_000, DatabaseFiguresTest.value(text, "onewindow_storage_free_bytes"), 0);
        assertEquals(8_000_000, DatabaseFiguresTest.value(text, "onewindow_storage_total_bytes"), 0);
        assertEquals(2_000_000, DatabaseFiguresTest.value(text, "onewindow_storage_threshold_bytes"), 0);
        assertEquals(1, DatabaseFiguresTest.value(text, "onewindow_storage_writable"), 0);
        assertEquals(1, DatabaseFiguresTest.value(text, "onewindow_node_info{district=\"441302\",role=\"district\",version=\"1.0.0\"}"), 0);
    }

    private NodeFigures node(java.util.function.Supplier<Health.Status> status, Storage storage) {
        NodeInfo info = new NodeInfo();
        info.role = NodeRole.DISTRICT;
        info.districtCode = "441302";
        info.version = "1.0.0";
        Health health = status::get;
        return new NodeFigures(registry, info, () -> status.get() == null ? null : health, () -> storage);
    }
}
