import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hall's queue over the real HTTP API (issue 22's figures):
 *  1. numbers: WINDOWS desk clerks take WAITING numbers at once (numbers/s, p50/p99 of a take);
 *  2. calls: WINDOWS windows call the waiting numbers as fast as they are answered until none waits (calls/s, p50/p99);
 *  3. a hall's day at its peak: WAITING numbers waiting, WINDOWS windows each call every PACE ms while numbers keep coming
 *     as fast, SCREENS hall screens on the board's long poll (p50/p99 of a call; p50/p99 from a call's request to the
 *     first screen showing it);
 *  4. the screens' cost: the appliance's CPU and resident memory in phase 3 against the same phase without screens.
 * Usage: java QueueBench.java baseUrl appliancePid [windows 20] [waiting 500] [screens 5] [paceMillis 1000] [seconds 20]
 */
public class QueueBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern NUMBER = Pattern.compile("\"number\":\"([A-Z]+\\d+)\"");
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    static final Pattern WAITING_NOW = Pattern.compile("\"code\":\"BENCH\"[^}]*\"waiting\":(\\d+)");
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        long pid = Long.parseLong(args[1]);
        int windows = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int waiting = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int screens = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        long pace = args.length > 5 ? Long.parseLong(args[5]) : 1000;
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 20;

        check(send("PUT", "/queue/groups/BENCH", "admin:admin-demo",
                "{\"code\":\"BENCH\",\"prefix\":\"Q\",\"name\":\"基准\",\"priority\":false,\"departments\":[],\"items\":[\"BENCH-NONE\"]}"), 200);
        List<String> clerks = new ArrayList<>();
        for (int w = 1; w <= windows; w++) {
            String name = "bench" + w;
            send("POST", "/users", "security:security-demo", "{\"name\":\"" + name + "\",\"password\":\"Bench-Clerk-2026\",\"roles\":[\"clerk\"]}");
            send("PUT", "/account/password", name + ":Bench-Clerk-2026", "{\"current\":\"Bench-Clerk-2026\",\"password\":\"Bench-Window-2026\"}");
            String clerk = name + ":Bench-Window-2026";
            check(send("PUT", "/queue/windows/" + (100 + w), "admin:admin-demo", "{\"groups\":[\"BENCH\"]}"), 200);
            check(send("POST", "/queue/windows/" + (100 + w) + "/sign-in", clerk, null), 200);
            clerks.add(clerk);
        }

        // 1. numbers
        long t0 = System.nanoTime();
        long[] takes = parallel(clerks, waiting, clerk -> check(send("POST", "/queue/tickets", clerk, "{\"group\":\"BENCH\"}"), 200));
        report("1. numbers: " + windows + " desks take " + waiting + " at once", takes, t0);

        // 2. calls until none waits
        t0 = System.nanoTime();
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String clerk : clerks) {
            threads.add(start(() -> {
                for (;;) {
                    long began = System.nanoTime();
                    HttpResponse<String> r = send("POST", "/queue/window/call", clerk, null);
                    calls.add(System.nanoTime() - began);
                    if (r.statusCode() == 404) {
                        return;
                    }
                    check(r, 200);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        report("2. calls: " + windows + " windows call " + waiting + " waiting numbers as fast as answered", toArray(calls), t0);

        // 3 and 4: a peak with screens, then the same without, each with WAITING numbers waiting when it begins (topped up
        // to that; numbers then come as fast as they are called, so about as many wait throughout)
        for (int shown : new int[] {screens, 0}) {
            Matcher left = WAITING_NOW.matcher(send("GET", "/public/queue/board", null, null).body());
            int already = left.find() ? Integer.parseInt(left.group(1)) : 0;
            parallel(clerks, Math.max(0, waiting - already), clerk -> check(send("POST", "/queue/tickets", clerk, "{\"group\":\"BENCH\"}"), 200));
            peak(pid, clerks, shown, pace, seconds);
        }
    }

    /** Windows calling every {@code pace} ms, a desk taking numbers as fast, {@code screens} screens long-polling. */
    static void peak(long pid, List<String> clerks, int screens, long pace, int seconds) throws Exception {
        AtomicBoolean going = new AtomicBoolean(true);
        Map<String, Long> calledAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < screens; s++) {
            threads.add(start(() -> {
                String version = null;
                while (going.get()) {
                    HttpResponse<String> r = send("GET", "/public/queue/board?calls=50" + (version == null ? "" : "&after=" + version), null, null);
                    long now = System.nanoTime();
                    Matcher v = VERSION.matcher(r.body());
                    version = v.find() ? v.group(1) : null;
                    Matcher n = NUMBER.matcher(r.body().substring(0, Math.max(0, r.body().indexOf("\"windows\""))));
                    while (n.find()) {
                        seenAt.putIfAbsent(n.group(1), now);
                    }
                }
            }));
        }
        threads.add(start(() -> {
            while (going.get()) {
                check(send("POST", "/queue/tickets", clerks.get(0), "{\"group\":\"BENCH\"}"), 200);
                sleep(pace / clerks.size());
            }
        }));
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        for (String clerk : clerks) {
            threads.add(start(() -> {
                sleep((long) (Math.random() * pace));
                while (going.get()) {
                    long began = System.nanoTime();
                    HttpResponse<String> r = send("POST", "/queue/window/call", clerk, null);
                    calls.add(System.nanoTime() - began);
                    Matcher n = NUMBER.matcher(r.body());
                    if (r.statusCode() == 200 && n.find()) {
                        calledAt.put(n.group(1), began);
                    }
                    sleep(Math.max(0, pace - (System.nanoTime() - began) / 1_000_000));
                }
            }));
        }
        sleep(2000); // the screens have their first board and wait
        calls.clear();
        calledAt.clear();
        long[] cpu0 = cpu(pid);
        long t0 = System.nanoTime();
        sleep(seconds * 1000L);
        long[] cpu1 = cpu(pid);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] measured = toArray(calls);
        going.set(false);
        send("POST", "/queue/tickets", clerks.get(0), "{\"group\":\"BENCH\"}"); // wakes the screens' polls
        for (Thread t : threads) {
            t.join(30_000);
        }
        report("3. peak with " + screens + " screens: " + clerks.size() + " windows each calling every " + pace + " ms, numbers waiting",
                measured, elapsed);
        List<Long> lags = new ArrayList<>();
        calledAt.forEach((number, at) -> {
            Long seen = seenAt.get(number);
            if (seen != null && seen > at) {
                lags.add(seen - at);
            }
        });
        if (screens > 0) {
            long[] l = toArray(lags);
            System.out.printf("   call to screen: %d calls seen, p50 %.1f ms, p99 %.1f ms, max %.1f ms (from the call's request to the first screen's answer)%n",
                    l.length, pct(l, 50), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1] / 1e6);
        }
        long ticks = 100; // USER_HZ
        System.out.printf("4. appliance with %d screens: CPU %.1f %% of one core, resident memory %d MB%n", screens,
                100.0 * (cpu1[0] - cpu0[0]) / ticks / elapsed, cpu1[1] / 1024);
    }

    /** utime + stime in ticks, and VmRSS in kB, of the process. */
    static long[] cpu(long pid) throws Exception {
        String[] stat = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new long[] {Long.parseLong(stat[11]) + Long.parseLong(stat[12]), rss};
    }

    interface Work {
        void run(String clerk);
    }

    /** {@code total} runs of {@code work} shared among one thread per clerk; the nanoseconds of each. */
    static long[] parallel(List<String> clerks, int total, Work work) throws InterruptedException {
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(total);
        List<Thread> threads = new ArrayList<>();
        for (String clerk : clerks) {
            threads.add(start(() -> {
                while (left.getAndDecrement() > 0) {
                    long began = System.nanoTime();
                    work.run(clerk);
                    times.add(System.nanoTime() - began);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return toArray(times);
    }

    static void report(String what, long[] sorted, long t0) {
        report(what, sorted, (System.nanoTime() - t0) / 1e9);
    }

    static void report(String what, long[] sorted, double s) {
        System.out.printf("%s: %d in %.1f s, %.1f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.length, s, sorted.length / s,
                pct(sorted, 50), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    static long[] toArray(List<Long> list) {
        long[] a;
        synchronized (list) {
            a = list.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(a);
        return a;
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }

    static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static HttpResponse<String> send(String method, String path, String user, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    static HttpResponse<String> check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }
}
