import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Catalog search latency over HTTP: imports generated items until the catalog holds at least
 * 1,000, then times searches (text, code, department, paging) as a clerk, one at a time: once
 * right away, and again after a warm-up (the figure of a hall in its working day).
 * Usage: java CatalogSearchBench.java [baseUrl] [searches]
 */
public class CatalogSearchBench {
    static final String[] WORDS = {"户口", "登记", "证明", "许可", "补领", "变更", "注销", "申请", "备案", "审批", "换领", "身份证"};
    static final String[] DEPTS = {"GA", "RS", "MZ", "ZR", "SJ", "WJ", "ZJ", "JT", "SW", "YB", "BENCH"};

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8181/api/v1";
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        HttpClient http = HttpClient.newHttpClient();
        long total = total(http, base);
        int needed = (int) Math.max(0, 1000 - total);
        if (needed > 0) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < needed; i++) {
                json.append(i == 0 ? "" : ",").append(item(i));
            }
            json.append("]");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/catalog/items"))
                    .header("Authorization", basic("admin:admin-demo")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("import failed: " + r.statusCode() + " " + r.body());
            }
            total = total(http, base);
        }
        Random random = new Random(42);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < searches; i++) {
            switch (i % 4) {
                case 0: queries.add("q=" + enc(WORDS[random.nextInt(WORDS.length)])); break;
                case 1: queries.add("q=" + enc("BENCH-" + random.nextInt(1000))); break;
                case 2: queries.add("department=" + DEPTS[random.nextInt(DEPTS.length)] + "&size=50"); break;
                default: queries.add("page=" + (1 + random.nextInt(10)) + "&size=100"); break;
            }
        }
        // first round right after the import, with the JIT still cold; then warm up and measure again
        report("just after boot and import", time(http, base, queries), total);
        for (int i = 0; i < 3 * searches; i++) {
            search(http, base, queries.get(i % queries.size()));
        }
        report("steady state", time(http, base, queries), total);
    }

    static long[] time(HttpClient http, String base, List<String> queries) throws Exception {
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            search(http, base, queries.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static void report(String when, long[] nanos, long total) {
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        System.out.printf("catalog search over %d items, %d searches, %s: %.0f searches/s (one client)  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms"
                + "  max %.2f ms%n", total, nanos.length, when, nanos.length / (sum / 1e9), ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
    }

    static String item(int i) {
        String dept = DEPTS[i % DEPTS.length];
        return "{\"code\":\"BENCH-" + i + "\",\"name\":\"" + WORDS[i % WORDS.length] + "测试事项" + i + "\","
                + "\"department\":{\"code\":\"" + dept + "\",\"name\":\"" + dept + "部门\"},\"kind\":\"PUBLIC_SERVICE\","
                + "\"legalBasis\":\"《测试条例》第" + (i % 50 + 1) + "条\",\"conditions\":\"符合条件的申请人\","
                + "\"timeLimitDays\":" + (i % 20) + ",\"crossDistrict\":" + (i % 2 == 0) + ",\"online\":true,\"fee\":0,"
                + "\"materials\":[{\"code\":\"M01\",\"name\":\"居民身份证\",\"required\":true,\"legalBasis\":\"《中华人民共和国居民身份证法》\"}]}";
    }

    static long total(HttpClient http, String base) throws Exception {
        String body = search(http, base, "size=1");
        int at = body.indexOf("\"total\":") + 8;
        return Long.parseLong(body.substring(at, body.indexOf(',', at)).trim());
    }

    static String search(HttpClient http, String base, String query) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/catalog/items?" + query))
                .header("Authorization", basic("clerk:clerk-demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(query + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
