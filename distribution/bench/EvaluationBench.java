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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 好差评 from PADS rating pads at once over the real HTTP API (issue 23's figure): each pad is registered and bound to its
 * window by the administrator (its pairing code typed), then all rate the services the bench command left at their
 * windows (PAD-<run>-W<window>-<i>) as fast as they are answered: ratings/s, p50/p99 of a rating; one in ten is a bad
 * rating, which opens its rectification in the same transaction.
 * Usage: java EvaluationBench.java baseUrl run [pads 50] [perPad 40]
 */
public class EvaluationBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern CODE = Pattern.compile("\"pairingCode\":\"(\\d+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String run = args[1];
        int pads = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int perPad = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
        List<String> tokens = new ArrayList<>();
        for (int w = 1; w <= pads; w++) {
            String pad = send("POST", base + "/public/evaluation/pads", null, null, "", 200);
            String bind = "{\"pairingCode\":\"" + find(CODE, pad) + "\",\"windowNo\":" + w + "}";
            send("POST", base + "/evaluation/pads/" + find(ID, pad) + "/bind", admin, null, bind, 200);
            tokens.add(find(TOKEN, pad));
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < pads; p++) {
            int window = p + 1;
            String token = tokens.get(p);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perPad; i++) {
                        boolean bad = i % 10 == 9;
                        String body = "{\"caseNo\":\"PAD-" + run + "-W" + window + "-" + i + "\",\"stage\":\"DELIVERY\",\"level\":" + (bad ? 2 : 5)
                                + (bad ? ",\"reasons\":[\"SLOW\"]" : ",\"indicators\":{\"SERVICE_ATTITUDE\":5}") + "}";
                        long t0 = System.nanoTime();
                        try {
                            send("POST", base + "/public/evaluation/pad/ratings", null, token, body, 200);
                            nanos.add(System.nanoTime() - t0);
                        } catch (RuntimeException e) {
                            if (failed.incrementAndGet() <= 3) {
                                System.err.println(e.getMessage());
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d pads rating at once: %d ratings in %.1f s, %.1f ratings/s, p50 %.1f ms, p99 %.1f ms, %d failed%n", pads,
                sorted.length, seconds, sorted.length / seconds, pct(sorted, 0.50), pct(sorted, 0.99), failed.get());
    }

    static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    static String send(String method, String url, String auth, String padToken, String body, int expected) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type", "application/json");
            if (auth != null) {
                b.header("Authorization", auth);
            }
            if (padToken != null) {
                b.header("X-Pad-Token", padToken);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
