import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Staff logins against a running appliance: console logins (each one a bcrypt check), one after
 * another and by several clerks at once, and HTTP Basic requests (verified once, then remembered).
 * Prints figures; asserts nothing. Usage: java LoginBench.java BASE_URL COUNT THREADS
 */
public class LoginBench {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        for (int i = 0; i < 20; i++) {
            login(base); // warm-up: the JIT, the realm's first reads
        }
        report("console login, one at a time", measure(count, 1, () -> login(base)), count);
        report("console login, " + threads + " at once", measure(count, threads, () -> login(base)), count);
        String basic = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
        report("HTTP Basic request (remembered login)", measure(count, 1, () -> get(base + "/catalog/items?size=1", basic)), count);
    }

    interface Call {
        void run() throws Exception;
    }

    private static List<Long> measure(int count, int threads, Call call) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                call.run();
                nanos.add(System.nanoTime() - t);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        nanos.add(0, System.nanoTime() - start); // the first is the wall time of all
        return nanos;
    }

    private static void report(String what, List<Long> nanos, int count) {
        long wall = nanos.remove(0);
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%-42s n=%d  p50 %.1f ms  p99 %.1f ms  max %.1f ms  %.1f/s%n", what, count, ms(sorted.get(count / 2)),
                ms(sorted.get((int) Math.ceil(count * 0.99) - 1)), ms(sorted.get(count - 1)), count / (wall / 1e9));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void login(String base) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/session")).header("Content-Type", "application/json")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"clerk\",\"password\":\"clerk-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login answered " + r.statusCode() + " " + r.body());
        }
    }

    private static void get(String url, String authorization) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }
}
