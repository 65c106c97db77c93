package org.onewindow.metrics.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.onewindow.rest.RequestTimings;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every REST request by endpoint (the resource's path template), method and status: a histogram of its time, whose
 * count is the request count. The buckets span a cached read (5 ms) to a scan upload on a slow disk (10 s).
 */
final class HttpRequests implements RequestTimings {
    static final String NAME = "onewindow.http.server.requests";
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private record Key(String endpoint, String method, int status) {
    }

    private final MeterRegistry registry;
    /** The timers by key, so that a request costs one map lookup and no builder. */
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    HttpRequests(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(String endpoint, String method, int status, long nanos) {
        Key key = new Key(endpoint, METHODS.contains(method) ? method : "OTHER", status);
        timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME).description("REST requests by endpoint (the resource's path template under /api), method and status,"
                + " from arrival to the answer's status")
                .tags("endpoint", key.endpoint(), "method", key.method(), "status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}
