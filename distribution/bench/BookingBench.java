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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appointment booking under load, over the real HTTP API: a clerk binds N citizens' mobiles (the verified
 * path of a window: codes go only to a verified mobile), they sign in (ID number and the code the file
 * notifier wrote to it), then
 *  1. each books a slot and cancels it again, in a loop, for the given seconds, spread over every
 *     slot of the bookable days (bookings/s, p50/p99 of a booking);
 *  2. all N book at the same moment, each a slot with room (the morning the slots open): p50/p99 of a booking;
 *  3. all N book the same slot at once (its group capacity, set by the script, is below N): how many
 *     got a place, how many were refused SLOT_FULL, p99, and whether the slot was overbooked.
 * Usage: java BookingBench.java baseUrl noticesFile citizens seconds item capacityOfContendedSlot [warmUpSeconds, 5]
 */
public class BookingBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern CODE = Pattern.compile("\"idNumber\":\"(\\d{17}[\\dX])\".*?验证码为 (\\d{6})");
    static final Pattern BOOKED_CODE = Pattern.compile("\"code\":\"([A-Z0-9]+)\"");
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    public static void main(String[] args) throws Exception {
        String base = args[0] + "/public/online";
        Path notices = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String item = args[4];
        int capacity = Integer.parseInt(args[5]);
        int warmUp = args.length > 6 ? Integer.parseInt(args[6]) : 5;

        long tb = System.nanoTime();
        String clerk = "Basic " + java.util.Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < n; i++) {
            String body = "{\"idNumber\":\"" + idNumber(i) + "\",\"mobile\":\"1370000" + String.format("%04d", i) + "\"}";
            check(HTTP.send(HttpRequest.newBuilder(URI.create(args[0] + "/online/citizens/bindings")).header("Authorization", clerk)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), 200);
        }
        System.out.printf("binding: %d citizens' mobiles bound by a clerk in %.1f s%n", n, (System.nanoTime() - tb) / 1e9);

        long t0 = System.nanoTime();
        List<String[]> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = idNumber(i);
            // the citizen types no mobile: the code goes to the one bound
            check(post(base + "/sign-in/code", null, "{\"idNumber\":\"" + id + "\"}"), 202);
            HttpResponse<String> in = check(post(base + "/sign-in", null, "{\"idNumber\":\"" + id + "\",\"code\":\"" + code(notices, id) + "\"}"), 200);
            String cookie = in.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            Matcher csrf = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(in.body());
            csrf.find();
            sessions.add(new String[] {cookie, csrf.group(1)});
        }
        System.out.printf("sign-in: %d citizens in %.1f s (2 API calls each)%n", n, (System.nanoTime() - t0) / 1e9);

        List<String> days = strings(get(base + "/appointments/days").body());
        String contendedDay = days.get(days.size() - 1);
        List<String> starts = new ArrayList<>();
        Matcher m = Pattern.compile("\"start\":\"([0-9:]+)\"").matcher(get(base + "/appointments/slots?day=" + days.get(0) + "&item=" + item).body());
        while (m.find()) {
            starts.add(m.group(1));
        }
        // the contended slot's day is left out of the loop, so that it starts empty
        List<String> loopDays = days.subList(0, days.size() - 1);

        ExecutorService pool = Executors.newFixedThreadPool(n);
        // the first seconds of a freshly booted node (classes loaded, code compiled, statements prepared) are not timed
        long measured = System.nanoTime() + warmUp * 1_000_000_000L;
        long end = measured + seconds * 1_000_000_000L;
        List<Future<List<Long>>> loops = new ArrayList<>();
        AtomicInteger full = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            String[] s = sessions.get(i);
            int who = i;
            loops.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>();
                for (int k = 0; System.nanoTime() < end; k++) {
                    String day = loopDays.get((who + k) % loopDays.size());
                    String slot = starts.get((who * 7 + k) % starts.size());
                    long b = System.nanoTime();
                    HttpResponse<String> r = send("POST", base + "/appointments", s, booking(item, day, slot));
                    if (r.statusCode() == 409 && r.body().contains("SLOT_FULL")) {
                        full.incrementAndGet();
                        continue;
                    }
                    check(r, 201);
                    if (b >= measured) {
                        times.add(System.nanoTime() - b);
                    }
                    cancel(base, s, r);
                }
                return times;
            }));
        }
        long[] sorted = collect(loops);
        double elapsed = (System.nanoTime() - measured) / 1e9;
        System.out.printf("booking, %d concurrent citizens: %.1f bookings/s (each followed by its cancellation), booking p50 %.1f ms, p99 %.1f ms"
                + " (%d bookings in %.1f s after a %d s warm-up, %d refused full)%n", n, sorted.length / elapsed, pct(sorted, 0.5),
                pct(sorted, 0.99), sorted.length, elapsed, warmUp, full.get());

        // the morning the slots open: every citizen books at the same moment, each a slot with room (no one is refused);
        // the closed loop above measures how many bookings a second the appliance sustains, this how long one waits
        // when a crowd arrives at once. The bookings are cancelled again, untimed.
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> opening = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] s = sessions.get(i);
            String day = loopDays.get(i % loopDays.size());
            String at = starts.get(i * 7 % starts.size());
            opening.add(pool.submit(() -> {
                go.await();
                long b = System.nanoTime();
                HttpResponse<String> r = check(send("POST", base + "/appointments", s, booking(item, day, at)), 201);
                long took = System.nanoTime() - b;
                cancel(base, s, r);
                return new long[] {took};
            }));
        }
        long openingStart = System.nanoTime();
        go.countDown();
        long[] openingTimes = new long[n];
        for (int i = 0; i < n; i++) {
            openingTimes[i] = opening.get(i).get()[0];
        }
        double openingElapsed = (System.nanoTime() - openingStart) / 1e9;
        Arrays.sort(openingTimes);
        System.out.printf("%d citizens at once, each a slot with room: all booked, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%.2f s with the cancellations)%n",
                n, pct(openingTimes, 0.5), pct(openingTimes, 0.99), pct(openingTimes, 1.0), openingElapsed);

        List<Future<long[]>> rush = new ArrayList<>();
        String slot = starts.get(0);
        long rushStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String[] s = sessions.get(i);
            rush.add(pool.submit(() -> {
                long b = System.nanoTime();
                HttpResponse<String> r = send("POST", base + "/appointments", s, booking(item, contendedDay, slot));
                return new long[] {r.statusCode(), System.nanoTime() - b};
            }));
        }
        int booked = 0;
        int refused = 0;
        long[] rushTimes = new long[n];
        for (int i = 0; i < n; i++) {
            long[] r = rush.get(i).get();
            rushTimes[i] = r[1];
            if (r[0] == 201) {
                booked++;
            } else if (r[0] == 409) {
                refused++;
            } else {
                throw new IllegalStateException("unexpected status " + r[0]);
            }
        }
        double rushElapsed = (System.nanoTime() - rushStart) / 1e9;
        pool.shutdown();
        Arrays.sort(rushTimes);
        Matcher left = Pattern.compile("\"start\":\"" + slot + "\",\"end\":\"[0-9:]+\",\"left\":(\\d+)")
                .matcher(get(base + "/appointments/slots?day=" + contendedDay + "&item=" + item).body());
        left.find();
        System.out.printf("one slot of capacity %d, %d citizens at once: %d booked, %d refused SLOT_FULL, %s left, in %.2f s, p99 %.1f ms%s%n",
                capacity, n, booked, refused, left.group(1), rushElapsed, pct(rushTimes, 0.99), booked > capacity ? "  OVERBOOKED!" : " (not overbooked)");
    }

    /** Cancels the appointment a booking's answer names. */
    static void cancel(String base, String[] session, HttpResponse<String> booked) throws Exception {
        Matcher c = BOOKED_CODE.matcher(booked.body());
        c.find();
        check(send("DELETE", base + "/appointments/" + c.group(1), session, null), 200);
    }

    static String booking(String item, String day, String start) {
        return "{\"itemCode\":\"" + item + "\",\"day\":\"" + day + "\",\"start\":\"" + start + "\",\"name\":\"市民\"}";
    }

    static String code(Path notices, String id) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<String> lines = Files.readAllLines(notices, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = CODE.matcher(lines.get(i));
                if (m.find() && m.group(1).equals(id)) {
                    return m.group(2);
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no code for " + id);
    }

    static String idNumber(int i) {
        String body = "441302" + "1980" + String.format("%02d", 1 + i / 500 % 12) + "15" + String.format("%03d", i % 500);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static long[] collect(List<Future<List<Long>>> futures) throws Exception {
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        long[] out = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(String url, String[] session, String json) throws Exception {
        return send("POST", url, session, json);
    }

    static HttpResponse<String> send(String method, String url, String[] session, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (session != null) {
            b.header("Cookie", session[0]).header("X-CSRF-Token", session[1]);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r;
    }
}
