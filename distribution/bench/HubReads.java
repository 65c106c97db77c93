import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's read side once filled (HubFill.java): the board ({@code GET /hub/stats}), the district list, a page of 100 of a
 * district's case index at a random position, and a case's lookup by number (numbers taken from those pages, so every one
 * exists; then unknown numbers, which must answer 404). One request at a time, as a supervisor; 10 of each first, not
 * counted. Prints p50/p99/max per request; asserts nothing.
 * Usage: java HubReads.java HUB_URL [REQUESTS]    (200 of each by default)
 */
public class HubReads {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("\"code\":\"(\\d{6})\"");
    private static final Pattern CASE_NO = Pattern.compile("\"caseNo\":\"([^\"]+)\"");
    private static final Pattern CASES = Pattern.compile("\"cases\":(\\d+)");

    public static void main(String[] args) {
        String hub = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Random random = new Random(21);
        String districts = get(hub + "/api/v1/hub/districts", 200);
        List<String> codes = new ArrayList<>();
        for (Matcher m = CODE.matcher(districts); m.find();) {
            codes.add(m.group(1));
        }
        Matcher total = CASES.matcher(get(hub + "/api/v1/hub/stats", 200));
        System.out.printf("hub with %d districts, %s cases on its board%n", codes.size(), total.find() ? total.group(1) : "?");
        time("GET /hub/stats (the board)", n, () -> get(hub + "/api/v1/hub/stats", 200));
        time("GET /hub/districts (the district list)", n, () -> get(hub + "/api/v1/hub/districts", 200));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        LocalDate first = LocalDate.of(2025, 12, 8);
        time("GET /hub/cases?district=&after=&size=100 (a page of the case index, random district and position)", n, () -> {
            String code = codes.get(random.nextInt(codes.size()));
            String after = code + "-" + first.plusDays(random.nextInt(360)).toString().replace("-", "") + "-" + String.format("%04d", random.nextInt(200));
            String page = get(hub + "/api/v1/hub/cases?size=100&district=" + code + "&after=" + after, 200);
            Matcher m = CASE_NO.matcher(page);
            if (m.find()) {
                seen.add(m.group(1));
            }
            return page;
        });
        time("GET /hub/cases/{caseNo} (a case's lookup, known numbers)", n, () -> {
            String caseNo = seen.get(random.nextInt(seen.size()));
            String answer = get(hub + "/api/v1/hub/cases/" + caseNo, 200);
            if (!answer.contains("\"caseNo\":\"" + caseNo + "\"") || answer.contains("applicant") || answer.contains("idNumber")) {
                throw new IllegalStateException("lookup of " + caseNo + " answered " + answer);
            }
            return answer;
        });
        time("GET /hub/cases/{caseNo} (unknown numbers: 404)", Math.max(20, n / 10), () -> {
            String code = codes.get(random.nextInt(codes.size()));
            return get(hub + "/api/v1/hub/cases/" + code + "-20991231-" + String.format("%04d", random.nextInt(10000)), 404);
        });
    }

    private static void time(String what, int n, Supplier<String> request) {
        for (int i = 0; i < 10; i++) {
            request.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            request.get();
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%s, %d requests: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, n, pct(millis, 0.50), pct(millis, 0.99),
                millis.get(millis.size() - 1));
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String get(String url, int expected) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("supervisor:supervisor-demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != expected) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
