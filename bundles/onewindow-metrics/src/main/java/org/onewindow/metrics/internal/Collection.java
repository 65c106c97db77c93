package org.onewindow.metrics.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * Reads the scrape-time figures at most once every {@code cacheSeconds}: a scrape within that time of the last
 * reading (another scraper's, say) gets the figures as they were read, and two scrapes at once read once.
 */
final class Collection {
    /** A group of figures and the database it reads. */
    record Source(DatabaseFigures figures, Supplier<DataSource> dataSource) {
    }

    private final NodeFigures node;
    private final List<Source> sources;
    private final long cacheNanos;
    private long readAt;
    private boolean read;
    private volatile double lastSeconds = Double.NaN;

    Collection(MeterRegistry registry, NodeFigures node, List<Source> sources, int cacheSeconds) {
        this.node = node;
        this.sources = List.copyOf(sources);
        this.cacheNanos = TimeUnit.SECONDS.toNanos(Math.max(0, cacheSeconds));
        Gauge.builder("onewindow.metrics.collect", this, c -> c.lastSeconds).baseUnit("seconds")
                .description("How long the last reading of the scrape-time figures (health, disk, database) took").register(registry);
    }

    /** Reads the figures anew unless they were read less than {@code cacheSeconds} ago; true if it read. */
    synchronized boolean refresh() {
        long now = System.nanoTime();
        if (read && now - readAt < cacheNanos) {
            return false;
        }
        node.refresh();
        for (Source s : sources) {
            s.figures().refresh(s.dataSource().get());
        }
        readAt = System.nanoTime();
        read = true;
        lastSeconds = (readAt - now) / 1e9;
        return true;
    }
}
