import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay benchmark's client (run by relay-benchmark.sh with `java RelayBench.java`):
 * {@code fill <n> <clerks>} takes in and accepts n cases of a department SJ item at the window;
 * {@code drain <n> <label>} watches the department simulator until it holds n cases and prints the rate.
 */
public class RelayBench {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CLERK = "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    /** Valid resident ID numbers (GB 11643-1999 check digits). */
    private static final String[] APPLICANTS = {"441302199003071238", "11010519491231002X"};

    public static void main(String[] args) throws Exception {
        String api = args[0];
        String admin = args[1];
        if ("fill".equals(args[2])) {
            fill(api, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else {
            drain(admin, Integer.parseInt(args[3]), args[4]);
        }
    }

    private static void fill(String api, int n, int clerks) throws Exception {
        String items = get(api + "/catalog/items?department=SJ&size=100");
        Matcher code = Pattern.compile("\"code\":\"(SJ-[^\"]+)\".*?\"timeLimitDays\":(\\d+)").matcher(items);
        String found = null;
        while (found == null && code.find()) {
            found = "0".equals(code.group(2)) ? null : code.group(1);
        }
        if (found == null) {
            throw new IllegalStateException("no SJ item with a time limit: " + items);
        }
        String item = found;
        List<String> required = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"code\":\"(M\\d+)\",\"name\":\"[^\"]*\",\"required\":true").matcher(get(api + "/catalog/items/" + item));
        while (m.find()) {
            required.add("\"" + m.group(1) + "\"");
        }
        AtomicInteger left = new AtomicInteger(n);
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < clerks; c++) {
            done.add(pool.submit(() -> {
                int mine = 0;
                while (left.getAndDecrement() > 0) {
                    String body = "{\"itemCode\":\"" + item + "\",\"applicant\":{\"idNumber\":\"" + APPLICANTS[mine % 2]
                            + "\",\"name\":\"张三\"},\"materials\":[" + String.join(",", required) + "]}";
                    String opened = post(api + "/cases", body, 201);
                    Matcher no = Pattern.compile("\"caseNo\":\"([^\"]+)\"").matcher(opened);
                    no.find();
                    post(api + "/cases/" + no.group(1) + "/transitions", "{\"to\":\"ACCEPTED\"}", 200);
                    mine++;
                }
                return mine;
            }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get();
        }
        pool.shutdown();
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("backlog: %d cases of %s taken in and accepted by %d clerks in %.1f s (%.0f cases/s) while the department was down%n",
                total, item, clerks, s, total / s);
    }

    private static void drain(String admin, int n, String label) throws Exception {
        long start = System.nanoTime();
        long first = 0;
        int held = 0;
        Pattern cases = Pattern.compile("\"cases\":(\\d+)");
        while (held < n) {
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("only " + held + " of " + n + " cases reached the department in 30 minutes");
            }
            Thread.sleep(100);
            Matcher m = cases.matcher(get(admin + "/stats"));
            held = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (held > 0 && first == 0) {
                first = System.nanoTime();
            }
        }
        long end = System.nanoTime();
        System.out.printf("%s: %d cases handed over %.1f s after the department came back (first after %.1f s: retry back-off);"
                + " %.0f cases/s once flowing%n", label, n, (end - start) / 1e9, (first - start) / 1e9, n / ((end - first) / 1e9));
    }

    private static String get(String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (url.contains("/api/")) {
            b.header("Authorization", CLERK);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static String post(String url, String json, int expected) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", CLERK).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
