package org.onewindow.bench.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Writers running side by side for a while, and what they did: the rate and latencies the JDBC benchmarks print. */
final class ConcurrentWriters {

    /** One writer: writes until {@code end} ({@link System#nanoTime()}) and answers each write's time in nanoseconds. */
    @FunctionalInterface
    interface Writer {
        long[] writeUntil(int worker, long end) throws Exception;
    }

    /** What {@code threads} writers did in {@code seconds}. */
    record Figures(int threads, long writes, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return writes / seconds;
        }
    }

    private ConcurrentWriters() {
    }

    static Figures run(int threads, int seconds, Writer writer) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                workers.add(pool.submit(() -> writer.writeUntil(worker, end)));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : workers) {
                all.add(f.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Figures(threads, sorted.length, elapsed, pct(sorted, 0.50), pct(sorted, 0.99));
        } finally {
            pool.shutdown();
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
