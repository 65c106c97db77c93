import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replication lag under a steady intake: at each district, cases are taken in through the API at a
 * fixed rate; the hub's case index is polled every 50 ms; the lag of a case is from the district's
 * 201 to the poll that first sees it at the hub (so it is at most 50 ms too long).
 * Usage: java ReplicationLag.java HUB_URL SECONDS RATE_PER_DISTRICT DISTRICT_URL CODE [DISTRICT_URL CODE ...]
 */
public class ReplicationLag {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CASE_NO = Pattern.compile("\"caseNo\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        int seconds = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        Map<String, Long> created = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int d = 3; d + 1 < args.length; d += 2) {
            String district = args[d];
            String code = args[d + 1];
            int offset = d;
            threads.add(start(() -> intake(district, seconds, rate, offset, created)));
            threads.add(start(() -> watch(hub, code, seconds + 30, created, arrived)));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> lags = new ArrayList<>();
        created.forEach((no, at) -> {
            Long seen = arrived.get(no);
            if (seen != null) {
                lags.add(Math.max(0, seen - at));
            }
        });
        Collections.sort(lags);
        System.out.printf("steady intake %.0f cases/s per district for %d s: %d cases taken in, %d seen at the hub%n", rate, seconds,
                created.size(), lags.size());
        System.out.printf("replication lag (201 at the district -> case in the hub's index): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                pct(lags, 0.50), pct(lags, 0.90), pct(lags, 0.99), lags.isEmpty() ? 0 : lags.get(lags.size() - 1));
    }

    private static void intake(String district, int seconds, double rate, int offset, Map<String, Long> created) {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        for (int n = 0; System.nanoTime() - start < seconds * 1_000_000_000L; n++) {
            long due = start + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
            String json = "{\"itemCode\":\"RS-SB-003\",\"applicant\":{\"idNumber\":\"" + applicant(offset * 100000 + n)
                    + "\",\"name\":\"张三\"},\"materials\":[\"M01\"]}";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(district + "/api/v1/cases"))
                    .header("Authorization", basic("clerk:clerk-demo")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
            Matcher m = CASE_NO.matcher(r.body());
            if (r.statusCode() == 201 && m.find()) {
                created.put(m.group(1), System.currentTimeMillis());
            } else {
                System.err.println("intake answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private static void watch(String hub, String code, int seconds, Map<String, Long> created, Map<String, Long> arrived) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        // case numbers of today only: <code>-<yyyyMMdd>-<n>, in order (other days' numbers are left out)
        String today = code + "-" + LocalDate.now(ZoneId.of("Asia/Shanghai")).toString().replace("-", "") + "-";
        String after = today;
        while (System.nanoTime() < end) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/hub/cases?size=10000&district=" + code
                    + "&after=" + after)).header("Authorization", basic("supervisor:supervisor-demo")).GET().build());
            long now = System.currentTimeMillis();
            Matcher m = CASE_NO.matcher(r.body());
            while (m.find() && m.group(1).startsWith(today)) {
                arrived.putIfAbsent(m.group(1), now);
                after = m.group(1);
            }
            sleep(50);
        }
    }

    /** Valid resident ID numbers (GB 11643 check digit), different for every n. */
    private static String applicant(int n) {
        String body = "44130219900101" + String.format("%03d", n % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static Thread start(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
