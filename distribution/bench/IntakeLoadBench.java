import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Window load: N concurrent clerks each taking in cases over the real HTTP API, one after the
 * other: open the case with every required material, upload one 200 KB scan, accept it.
 * Prints accepted cases/s and p50/p99 of a whole case (three requests).
 * Usage: java IntakeLoadBench.java baseUrl clerks seconds [itemCode]
 * <p>
 * Open loop ({@code --rate}): cases arrive at a fixed rate whatever the appliance answers, each on a thread of its own,
 * as citizens reach the windows of a hall at its peak; a case's time counts from its planned arrival, so that a stall
 * shows in the latencies instead of lowering the load (no coordinated omission).
 * Usage: java IntakeLoadBench.java baseUrl --rate casesPerSecond seconds [itemCode]
 */
public class IntakeLoadBench {
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    public static void main(String[] args) throws Exception {
        String base = args[0];
        if ("--rate".equals(args[1])) {
            openLoop(base, Double.parseDouble(args[2]), Integer.parseInt(args[3]), args.length > 4 ? args[4] : "GA-HJ-001");
            return;
        }
        int clerks = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String item = args.length > 3 ? args[3] : "GA-HJ-001";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String materials = requiredMaterials(http, base, item);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clerks; c++) {
            int clerk = c;
            results.add(pool.submit(() -> clerk(http, base, item, materials, clerk, end)));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            for (long t : f.get()) {
                all.add(t);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        System.out.printf("intake, %d clerks: %.1f accepted cases/s, case p50 %.1f ms, p99 %.1f ms (%d cases with a 200 KB scan each in %.1f s)%n",
                clerks, sorted.length / elapsed, pct(sorted, 0.5), pct(sorted, 0.99), sorted.length, elapsed);
    }

    static long[] clerk(HttpClient http, String base, String item, String materials, int clerk, long end) throws Exception {
        Random random = new Random(clerk);
        byte[] scan = scan(random);
        List<Long> times = new ArrayList<>();
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            oneCase(http, base, item, materials, vary(scan, random), residentId(clerk, times.size()));
            times.add(System.nanoTime() - t);
        }
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    /** Cases arriving every 1/rate s for {@code seconds}, each on its own thread; latencies from the planned arrival. */
    static void openLoop(String base, double rate, int seconds, String item) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String materials = requiredMaterials(http, base, item);
        Random random = new Random(20);
        byte[][] scans = new byte[8][];
        for (int i = 0; i < scans.length; i++) {
            scans[i] = scan(random);
        }
        int cases = (int) Math.round(rate * seconds);
        long interval = Math.round(1e9 / rate);
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Future<Long>> results = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        int mostInFlight = 0;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < cases; i++) {
            long planned = start + i * interval;
            for (long wait; (wait = planned - System.nanoTime()) > 0;) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            byte[] scan = vary(scans[i % scans.length], random);
            String id = residentId(i % 50, i / 50);
            mostInFlight = Math.max(mostInFlight, inFlight.incrementAndGet());
            results.add(pool.submit(() -> {
                try {
                    oneCase(http, base, item, materials, scan, id);
                    return System.nanoTime() - planned;
                } finally {
                    inFlight.decrementAndGet();
                }
            }));
        }
        List<Long> times = new ArrayList<>();
        int failed = 0;
        for (Future<Long> f : results) {
            try {
                times.add(f.get());
            } catch (ExecutionException e) {
                if (failed++ == 0) {
                    System.err.println("first failed case: " + e.getCause());
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("intake, open loop at %.0f cases/s: %.1f accepted cases/s, case p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms, at most %d in flight (%d cases with a 200 KB scan each in %.1f s, %d failed)%n", rate,
                sorted.length / elapsed, pct(sorted, 0.5), pct(sorted, 0.9), pct(sorted, 0.99), pct(sorted, 1.0), mostInFlight,
                sorted.length, elapsed, failed);
    }

    /** One citizen's case at the window: opened with every required material, its scan uploaded, accepted. */
    static void oneCase(HttpClient http, String base, String item, String materials, byte[] scan, String idNumber) throws Exception {
        String opened = send(http, json(base + "/cases", "{\"itemCode\":\"" + item + "\",\"applicant\":{\"idNumber\":\""
                + idNumber + "\",\"name\":\"张三\"},\"materials\":[" + materials + "]}"), 201);
        Matcher no = Pattern.compile("\"caseNo\":\"([^\"]+)\"").matcher(opened);
        no.find();
        String caseNo = no.group(1);
        send(http, upload(base + "/cases/" + caseNo + "/materials", "page-1.jpg", scan), 201);
        send(http, json(base + "/cases/" + caseNo + "/transitions", "{\"to\":\"ACCEPTED\"}"), 200);
    }

    /** A copy of the scan with a new comment segment: other bytes, the same real picture (the appliance reads its header). */
    static byte[] vary(byte[] scan, Random random) {
        byte[] unique = new byte[16];
        synchronized (random) {
            random.nextBytes(unique);
        }
        byte[] out = scan.clone();
        System.arraycopy(unique, 0, out, 6, unique.length);
        return out;
    }

    /** A valid resident ID number of its own for every case: citizens differ, as in a hall. */
    static String residentId(int clerk, int n) {
        String base = String.format("441302%04d%02d%02d%03d", 1950 + clerk % 50, 1 + n % 12, 1 + n / 12 % 28, n / 336 % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * WEIGHTS[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    static String requiredMaterials(HttpClient http, String base, String item) throws Exception {
        String body = send(http, HttpRequest.newBuilder(URI.create(base + "/catalog/items/" + item)).header("Authorization", auth()).GET(), 200);
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"code\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"required\":true").matcher(body);
        while (m.find()) {
            codes.add("\"" + m.group(1) + "\"");
        }
        return String.join(",", codes);
    }

    static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /**
     * A real JPEG of about 200 KB (600 by 600 random pixels), with a 16-byte comment segment right after its
     * start marker whose bytes each case changes, so that no two cases upload the same file.
     */
    static byte[] scan(Random random) throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(600, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 600; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpeg", jpeg);
        byte[] picture = jpeg.toByteArray();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(picture, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 18});
        out.write(new byte[16]);
        out.write(picture, 2, picture.length - 2);
        return out.toByteArray();
    }

    static HttpRequest.Builder upload(String url, String name, byte[] content) {
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    static String send(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString("clerk:clerk-demo".getBytes(StandardCharsets.UTF_8));
    }

    static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
