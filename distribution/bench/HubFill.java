import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RecordDigests;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.SignatureAlgorithm;
import org.onewindow.replication.SigningKey;

/**
 * Fills a city hub with 16 districts' worth of cases through the real ingest path: each district registers with a key pair
 * of its own (signed, as a district's appliance does), the hub administrator approves it naming the key's fingerprint, and
 * then all 16 districts post their journals at once, one thread each, in signed batches of 500 records (the shipper's
 * default), each batch after the hub's acknowledgement of the one before. The records come from {@link CityJournal}
 * (below): a year of working days of realistic cases, cards and licences, the same for the same seed.
 * With {@code --raw JDBC_URL} (PostgreSQL) the same rows are also written with plain batched JDBC into scratch copies of the
 * hub's tables in the same database, at the same concurrency, one transaction per batch, before the ingest and again after
 * it (dropped each time), for the ratio ingest / raw.
 * Prints figures; asserts nothing.
 * Usage: java -cp <replication-api, core, jackson, postgresql jars> HubFill.java HUB_URL CATALOG_JSON CASES [SEED] [--raw JDBC_URL]
 * (HUB_URL {@code -}: only generate, for the generator's own cost)
 */
public class HubFill {
    static final int BATCH = 500;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACKED = Pattern.compile("\"acked\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String hub = args[0];
        List<JsonNode> catalog = new ArrayList<>();
        JSON.readTree(Files.readAllBytes(Path.of(args[1]))).forEach(catalog::add);
        long cases = Long.parseLong(args[2]);
        long seed = args.length > 3 && !args[3].startsWith("--") ? Long.parseLong(args[3]) : 21;
        String raw = null;
        for (int i = 3; i + 1 < args.length; i++) {
            if ("--raw".equals(args[i])) {
                raw = args[i + 1];
            }
        }
        List<CityJournal> districts = CityJournal.city(catalog, cases, seed);
        if ("-".equals(hub)) {
            // the generator alone, for its own cost and a look at what it makes
            long started = System.nanoTime();
            long records = 0;
            long bytes = 0;
            for (CityJournal d : districts) {
                for (List<RecordDTO> batch = d.next(BATCH); !batch.isEmpty(); batch = d.next(BATCH)) {
                    records += batch.size();
                    bytes += JSON.writeValueAsBytes(batch).length;
                    if (d.casesOpened < 3 && System.getenv("SHOW") != null) {
                        batch.forEach(r -> System.out.println(r.kind + " " + r.key + " " + r.payload));
                    }
                }
            }
            System.out.printf("generated %d records (%.0f bytes each as shipped) in %.1f s, one thread%n", records, bytes / (double) records,
                    (System.nanoTime() - started) / 1e9);
            CityJournal.describe(districts);
            return;
        }
        // the raw baseline runs before and after the ingest: on a shared machine the load changes within a run
        double rawBefore = raw == null ? 0 : raw(raw, districts);
        if (raw != null) {
            districts = CityJournal.city(catalog, cases, seed);
        }
        SignatureAlgorithm ed25519 = SignatureAlgorithms.named(SignatureAlgorithms.ED25519);
        Map<CityJournal, SigningKey> keys = new LinkedHashMap<>();
        for (CityJournal d : districts) {
            KeyPair pair = ed25519.generate();
            SigningKey key = new SigningKey(d.code, ed25519, pair.getPrivate(), pair.getPublic().getEncoded());
            register(hub, d, key);
            keys.put(d, key);
        }
        AtomicLong records = new AtomicLong();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (CityJournal d : districts) {
            threads.add(start(() -> ship(hub, d, keys.get(d), records)));
        }
        Thread progress = new Thread(() -> {
            // a long fill says how far it got, once a minute
            for (long last = 0;; last = records.get()) {
                sleep(60_000);
                System.err.printf("  %d records applied, %.0f records/s in the last minute%n", records.get(), (records.get() - last) / 60.0);
            }
        });
        progress.setDaemon(true);
        progress.start();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = districts.stream().mapToLong(d -> d.casesOpened).sum();
        System.out.printf("ingest through POST /api/v1/hub/batches, 16 districts at once: %d cases (%d records) in %.1f s: %.0f cases/s, %.0f records/s%n",
                total, records.get(), seconds, total / seconds, records.get() / seconds);
        CityJournal.describe(districts);
        if (raw != null) {
            double rawAfter = raw(raw, CityJournal.city(catalog, cases, seed));
            double ingest = records.get() / seconds;
            System.out.printf("ingest / raw: %.0f %% of the raw rate before it, %.0f %% of the raw rate after it, %.0f %% of their mean (goal >= 50 %%)%n",
                    100 * ingest / rawBefore, 100 * ingest / rawAfter, 200 * ingest / (rawBefore + rawAfter));
        }
    }

    /** The district registers with its own key and the hub administrator approves it by the fingerprint district IT reads out. */
    private static void register(String hub, CityJournal d, SigningKey key) throws Exception {
        RegistrationDTO r = new RegistrationDTO();
        r.district = d.code;
        r.name = d.name;
        r.version = "1.0.0";
        r.algorithm = key.algorithm().name();
        r.publicKey = key.publicKeyBase64();
        byte[] body = JSON.writeValueAsBytes(r);
        check(signed(hub + "/api/v1/hub/registrations", key, body), "registration of " + d.code);
        String fingerprint = KeyFingerprints.grouped(KeyFingerprints.of(key.publicKey()));
        check(send(HttpRequest.newBuilder(URI.create(hub + "/api/v1/hub/districts/" + d.code + "/approval"))
                .header("Authorization", basic("admin:admin-demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fingerprint\":\"" + fingerprint + "\"}")).build()), "approval of " + d.code);
    }

    /** One district's journal, batch after batch, each after the hub acknowledged the one before (as the shipper does). */
    private static void ship(String hub, CityJournal d, SigningKey key, AtomicLong shipped) {
        try {
            long after = 0;
            String afterDigest = null;
            for (List<RecordDTO> batch = d.next(BATCH); !batch.isEmpty(); batch = d.next(BATCH)) {
                BatchDTO b = new BatchDTO();
                b.district = d.code;
                b.version = "1.0.0";
                b.after = after;
                b.afterDigest = afterDigest;
                b.records = batch;
                RecordDTO last = batch.get(batch.size() - 1);
                b.journalLastSeq = last.seq;
                String answer = check(signed(hub + "/api/v1/hub/batches", key, JSON.writeValueAsBytes(b)), "batch of " + d.code);
                Matcher m = ACKED.matcher(answer);
                if (!m.find() || Long.parseLong(m.group(1)) != last.seq) {
                    throw new IllegalStateException("hub acknowledged " + answer + " for a batch to #" + last.seq);
                }
                after = last.seq;
                afterDigest = RecordDigests.of(last);
                shipped.addAndGet(batch.size());
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * The raw baseline: the rows the hub writes for each batch (a case's latest state in it, each other record's), with plain
     * batched JDBC upserts into scratch tables shaped as HUB_CASE and HUB_RECORD (same columns, keys and indexes), one
     * transaction per batch, one connection per district, 16 at once. No signature, no JSON parse of the batch, no tallies.
     */
    private static double raw(String url, List<CityJournal> districts) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "onewindow", "onewindow"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS RAW_CASE, RAW_RECORD");
            s.execute("CREATE TABLE RAW_CASE (LIKE HUB_CASE INCLUDING ALL)");
            s.execute("CREATE TABLE RAW_RECORD (LIKE HUB_RECORD INCLUDING ALL)");
        }
        AtomicLong records = new AtomicLong();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (CityJournal d : districts) {
            threads.add(start(() -> rawDistrict(url, d, records)));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = districts.stream().mapToLong(d -> d.casesOpened).sum();
        System.out.printf("raw batched JDBC upserts of the same rows, 16 connections at once: %d cases (%d records) in %.1f s: %.0f cases/s, %.0f records/s%n",
                total, records.get(), seconds, total / seconds, records.get() / seconds);
        try (Connection c = DriverManager.getConnection(url, "onewindow", "onewindow"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE RAW_CASE, RAW_RECORD");
        }
        return records.get() / seconds;
    }

    private static void rawDistrict(String url, CityJournal d, AtomicLong shipped) {
        try (Connection c = DriverManager.getConnection(url, "onewindow", "onewindow");
                PreparedStatement caseRow = c.prepareStatement("INSERT INTO RAW_CASE (CASE_NO, DISTRICT, SEQ, ITEM_CODE, DEPT_CODE, DEPT_NAME,"
                        + " CHANNEL, STATUS, CREATED_AT, VISITS, IN_TIME, PAYLOAD) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (CASE_NO)"
                        + " DO UPDATE SET SEQ = EXCLUDED.SEQ, ITEM_CODE = EXCLUDED.ITEM_CODE, DEPT_CODE = EXCLUDED.DEPT_CODE, DEPT_NAME ="
                        + " EXCLUDED.DEPT_NAME, CHANNEL = EXCLUDED.CHANNEL, STATUS = EXCLUDED.STATUS, CREATED_AT = EXCLUDED.CREATED_AT,"
                        + " VISITS = EXCLUDED.VISITS, IN_TIME = EXCLUDED.IN_TIME, PAYLOAD = EXCLUDED.PAYLOAD");
                PreparedStatement recordRow = c.prepareStatement("INSERT INTO RAW_RECORD (DISTRICT, KIND, RECORD_KEY, SEQ, PAYLOAD, COLOUR)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (DISTRICT, KIND, RECORD_KEY) DO UPDATE SET SEQ = EXCLUDED.SEQ,"
                        + " PAYLOAD = EXCLUDED.PAYLOAD, COLOUR = EXCLUDED.COLOUR")) {
            c.setAutoCommit(false);
            for (List<RecordDTO> batch = d.next(BATCH); !batch.isEmpty(); batch = d.next(BATCH)) {
                // the latest state per key, as the hub keeps it
                Map<String, RecordDTO> latest = new LinkedHashMap<>();
                batch.forEach(r -> latest.put(r.kind + "/" + r.key, r));
                for (RecordDTO r : latest.values()) {
                    CityJournal.Row row = d.row(r);
                    if (row != null) {
                        Object[] v = {r.key, d.code, r.seq, row.item(), row.department(), row.departmentName(), row.channel(), row.status(),
                            Timestamp.from(Instant.parse(row.createdAt())), row.visits(), row.inTime(), r.payload};
                        for (int i = 0; i < v.length; i++) {
                            caseRow.setObject(i + 1, v[i]);
                        }
                        caseRow.addBatch();
                    } else {
                        Object[] v = {d.code, r.kind, r.key, r.seq, r.payload, "CARD".equals(r.kind) ? CityJournal.colour(r.payload) : null};
                        for (int i = 0; i < v.length; i++) {
                            recordRow.setObject(i + 1, v[i]);
                        }
                        recordRow.addBatch();
                    }
                }
                caseRow.executeBatch();
                recordRow.executeBatch();
                c.commit();
                shipped.addAndGet(batch.size());
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static HttpResponse<String> signed(String url, SigningKey key, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        key.headers(body, Instant.now()).forEach(request::header);
        return send(request.build());
    }

    private static String check(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + ": hub answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}

/**
 * One district's change journal over a year of working days, as its appliance writes it: each case is journaled whole
 * (the case DTO the intake writes for the hub, applicant included) every time a transaction changes it, opened, accepted,
 * perhaps asked for more materials, decided, delivered; supervision journals its deadline cards (yellow the working day
 * before the deadline, red once over it, removed once decided); the licence register journals the licences decisions
 * issue. Items and departments come from the demo catalog. Proportions: a quarter of the cases online (of items that
 * may be), a few at a kiosk (instant items), a few cross-district (全市通办, route CITY); most decided in time, a few on
 * the deadline or late (and carded); recent cases still in progress. Deterministic for a seed.
 */
final class CityJournal {
    static final String[][] DISTRICTS = {{"110101", "东城区"}, {"110102", "西城区"}, {"110105", "朝阳区"}, {"110106", "丰台区"},
        {"110107", "石景山区"}, {"110108", "海淀区"}, {"110109", "门头沟区"}, {"110111", "房山区"}, {"110112", "通州区"}, {"110113", "顺义区"},
        {"110114", "昌平区"}, {"110115", "大兴区"}, {"110116", "怀柔区"}, {"110117", "平谷区"}, {"110118", "密云区"}, {"110119", "延庆区"}};
    private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.time.LocalDate FIRST = java.time.LocalDate.of(2025, 12, 8);
    private static final int YEAR_DAYS = 250;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰晨阳宇浩然子涵思雨欣怡梓轩一诺佳琪雅婷俊杰文博天佑嘉怡志强海燕春梅红霞";
    // the journal's steps; a case's are planned when it is opened
    static final byte OPEN = 0, ACCEPT = 1, REJECT = 2, SUPPLEMENT = 3, WITHDRAW = 4, DECIDE = 5, DELIVER = 6, YELLOW = 7, RED = 8,
            CLEAR = 9, LICENCE = 10;

    final String code;
    final String name;
    long casesOpened;
    final long[] statusCounts = new long[11];
    long cards;
    long licences;
    final Map<String, Long> channels = new java.util.TreeMap<>();
    private final List<JsonNode> catalog;
    private final double[] popularity;
    private final java.util.Random random;
    private final long quota;
    private final double[] dayShare;
    private int day;
    private long opened;
    private long seq;
    private long order;
    private final java.util.PriorityQueue<long[]> pending = new java.util.PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
            : Long.compare(a[1], b[1]));
    private final Map<Long, JournalCase> open = new java.util.HashMap<>();
    private final java.util.ArrayDeque<RecordDTO> ready = new java.util.ArrayDeque<>();

    /** The raw baseline's columns of a case record: what the hub reads out of its payload. */
    record Row(String item, String department, String departmentName, String channel, String status, String createdAt, int visits, Short inTime) {
    }

    /** A journal record that also carries its case columns (not sent: Jackson writes public fields only). */
    static final class Journaled extends RecordDTO {
        private Row row;
    }


    private CityJournal(String code, String name, List<JsonNode> catalog, long quota, long seed) {
        this.code = code;
        this.name = name;
        this.catalog = catalog;
        this.quota = quota;
        this.random = new java.util.Random(seed * 31 + Long.parseLong(code));
        java.util.Random shuffle = new java.util.Random(seed); // the same items are popular in every district
        List<Integer> rank = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            rank.add(i);
        }
        java.util.Collections.shuffle(rank, shuffle);
        popularity = new double[catalog.size()];
        double sum = 0;
        for (int r = 0; r < rank.size(); r++) {
            popularity[rank.get(r)] = 1 / Math.pow(r + 1, 0.8);
        }
        for (int i = 0; i < popularity.length; i++) {
            sum += popularity[i];
            popularity[i] = sum;
        }
        for (int i = 0; i < popularity.length; i++) {
            popularity[i] /= sum;
        }
        // Mondays busiest, Fridays quietest, and some noise from day to day
        dayShare = new double[YEAR_DAYS];
        double total = 0;
        for (int d = 0; d < YEAR_DAYS; d++) {
            double weekday = new double[] {1.25, 1.05, 1.0, 1.0, 0.8}[d % 5];
            dayShare[d] = weekday * (0.9 + 0.2 * random.nextDouble());
            total += dayShare[d];
        }
        double cumulative = 0;
        for (int d = 0; d < YEAR_DAYS; d++) {
            cumulative += dayShare[d] / total;
            dayShare[d] = cumulative;
        }
    }

    /** The city's 16 districts, the larger central ones with more cases, {@code cases} in all. */
    static List<CityJournal> city(List<JsonNode> catalog, long cases, long seed) {
        List<CityJournal> out = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < DISTRICTS.length; i++) {
            sum += 1.3 - 0.04 * i;
        }
        long given = 0;
        for (int i = 0; i < DISTRICTS.length; i++) {
            long quota = i == DISTRICTS.length - 1 ? cases - given : Math.round(cases * (1.3 - 0.04 * i) / sum);
            given += quota;
            out.add(new CityJournal(DISTRICTS[i][0], DISTRICTS[i][1], catalog, quota, seed));
        }
        return out;
    }

    /** The next {@code n} journal records (fewer at the end of the year; none after it). */
    List<RecordDTO> next(int n) {
        while (ready.size() < n && day < YEAR_DAYS) {
            openDay();
        }
        List<RecordDTO> out = new ArrayList<>(n);
        while (out.size() < n && !ready.isEmpty()) {
            out.add(ready.poll());
        }
        return out;
    }

    Row row(RecordDTO r) {
        return ((Journaled) r).row;
    }

    static String colour(String cardPayload) {
        return cardPayload.contains("\"removed\":true") ? "NONE" : cardPayload.contains("\"color\":\"RED\"") ? "RED"
                : cardPayload.contains("\"color\":\"YELLOW\"") ? "YELLOW" : "NONE";
    }

    private static final long[] MIDNIGHTS = new long[YEAR_DAYS + 100];

    static {
        for (int d = 0; d < MIDNIGHTS.length; d++) {
            MIDNIGHTS[d] = workingDay(d).atStartOfDay(ZONE).toEpochSecond();
        }
    }

    static long epoch(int dayIdx, int minuteOfDay) {
        return MIDNIGHTS[dayIdx] + minuteOfDay * 60L;
    }

    static java.time.LocalDate workingDay(int idx) {
        return FIRST.plusDays(idx / 5 * 7 + idx % 5); // FIRST is a Monday; official holidays are not left out
    }

    /** A working day's new cases, then every journal record due that day, in time order. */
    private void openDay() {
        long target = Math.round(quota * dayShare[day]);
        for (int i = 1; i <= target - opened; i++) {
            plan(i);
        }
        opened = target;
        long end = epoch(day, 24 * 60);
        while (!pending.isEmpty() && pending.peek()[0] < end) {
            long[] due = pending.poll();
            JournalCase c = open.get(due[2]);
            emit(c);
            if (c.done == c.steps.size()) {
                open.remove(due[2]);
            }
        }
        day++;
    }

    private void plan(int number) {
        JournalCase c = new JournalCase();
        double pick = random.nextDouble();
        int at = 0;
        while (popularity[at] < pick) {
            at++;
        }
        c.item = catalog.get(at);
        int limit = c.item.path("timeLimitDays").asInt();
        boolean online = c.item.path("online").asBoolean() && random.nextDouble() < 0.28;
        c.channel = online ? "ONLINE" : limit == 0 && random.nextDouble() < 0.06 ? "KIOSK" : "WINDOW";
        c.route = "WINDOW".equals(c.channel) && c.item.path("crossDistrict").asBoolean() && random.nextDouble() < 0.04 ? "CITY" : "LOCAL";
        c.no = code + "-" + workingDay(day).toString().replace("-", "") + "-" + String.format("%04d", number);
        c.applicant = idNumber();
        c.name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "" + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? "" + GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
        c.phone = "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000));
        c.clerk = online ? "online" : "KIOSK".equals(c.channel) ? "kiosk" + (1 + random.nextInt(4)) : "clerk" + String.format("%02d", 1 + random.nextInt(24));
        // the hall is open 9:00-12:00 and 13:30-17:30; online applications come in from 8:00 to 22:00
        int minute = online ? 8 * 60 + random.nextInt(14 * 60) : 9 * 60 + random.nextInt(420);
        minute += !online && minute >= 12 * 60 ? 90 : 0;
        long opened = epoch(day, minute);
        step(c, opened, OPEN);
        c.acceptedIdx = online && minute >= 16 * 60 ? day + 1 : day;
        long accepted = c.acceptedIdx == day ? opened + 60L * (online ? 30 + random.nextInt(90) : 3 + random.nextInt(12))
                : epoch(c.acceptedIdx, 9 * 60 + random.nextInt(120));
        double fate = random.nextDouble();
        if (fate < 0.02) {
            step(c, accepted, REJECT);
        } else if (limit == 0) {
            // an instant item: accepted, decided and handed out in the one visit (online: sent)
            c.deadlineIdx = c.decidedIdx = c.acceptedIdx;
            c.approved = true;
            step(c, accepted + 60L * (2 + random.nextInt(10)), DELIVER);
            licence(c, accepted);
        } else {
            step(c, accepted, ACCEPT);
            c.deadlineIdx = c.acceptedIdx + limit;
            double speed = random.nextDouble();
            // most decided well inside the limit; a few on the deadline (carded yellow the day before), a few late (red)
            int used = speed < 0.93 ? 1 + random.nextInt(Math.max(1, limit * 3 / 5)) : speed < 0.97 ? limit : limit + 1 + random.nextInt(5);
            c.decidedIdx = c.acceptedIdx + used;
            if (used >= 2 && random.nextDouble() < 0.08) {
                step(c, epoch(c.acceptedIdx + 1, 9 * 60 + random.nextInt(480)), SUPPLEMENT);
            }
            if (random.nextDouble() < 0.01) {
                step(c, epoch(c.acceptedIdx + 1 + random.nextInt(used), 10 * 60 + random.nextInt(400)), WITHDRAW);
            } else {
                long decided = epoch(c.decidedIdx, 9 * 60 + random.nextInt(480));
                c.approved = random.nextDouble() < 0.96;
                step(c, decided, DECIDE);
                licence(c, decided);
                boolean post = online || random.nextDouble() < 0.6;
                c.pickup = !post;
                long delivered = epoch(c.decidedIdx + (post ? 1 + random.nextInt(2) : random.nextInt(4)), 9 * 60 + random.nextInt(480));
                step(c, Math.max(delivered, decided + 1800), DELIVER);
                // supervision's run before the hall opens: yellow the working day before the deadline, red once over it
                if (limit >= 2 && c.decidedIdx >= c.deadlineIdx - 1) {
                    step(c, epoch(c.deadlineIdx - 1, 7 * 60), YELLOW);
                    if (c.decidedIdx > c.deadlineIdx) {
                        step(c, epoch(c.deadlineIdx + 1, 7 * 60), RED);
                    }
                    step(c, epoch(c.decidedIdx + 1, 7 * 60), CLEAR);
                }
            }
        }
        c.steps.sort((a, b) -> Long.compare(a[0], b[0]));
        long id = ++order;
        open.put(id, c);
        for (int k = 0; k < c.steps.size(); k++) {
            pending.add(new long[] {c.steps.get(k)[0], ++order, id});
        }
    }

    private void licence(JournalCase c, long decided) {
        if (c.approved && c.item.hasNonNull("resultLicenceType")) {
            c.licenceNo = code + c.no.substring(7, 15) + String.format("%05d", random.nextInt(100000));
            step(c, decided + 60, LICENCE);
        }
    }

    private static void step(JournalCase c, long at, byte step) {
        c.steps.add(new long[] {at, step});
    }

    private void emit(JournalCase c) {
        long[] s = c.steps.get(c.done++);
        int step = (int) s[1];
        String at = Instant.ofEpochSecond(s[0]).toString();
        Journaled r = new Journaled();
        r.seq = ++seq;
        r.writtenAt = at;
        r.key = c.no;
        JsonNode item = c.item;
        if (step == YELLOW || step == RED) {
            r.kind = "CARD";
            cards += step == YELLOW ? 1 : 0;
            r.payload = "{\"kind\":\"DEADLINE\",\"color\":\"" + (step == YELLOW ? "YELLOW" : "RED") + "\",\"caseNo\":\"" + c.no + "\",\"itemCode\":\""
                    + item.path("code").asText() + "\",\"itemName\":\"" + item.path("name").asText() + "\",\"departmentCode\":\""
                    + item.path("department").path("code").asText() + "\",\"departmentName\":\"" + item.path("department").path("name").asText()
                    + "\",\"clerk\":\"" + c.clerk + "\",\"reviewer\":\"reviewer" + (c.no.hashCode() & 7) + "\",\"status\":\"" + c.status()
                    + "\",\"deadline\":\"" + workingDay(c.deadlineIdx) + "\",\"workingDaysLeft\":" + (step == YELLOW ? 1 : -1)
                    + ",\"suspended\":false,\"since\":\"" + at + "\"}";
        } else if (step == CLEAR) {
            r.kind = "CARD";
            r.payload = "{\"caseNo\":\"" + c.no + "\",\"removed\":true}";
        } else if (step == LICENCE) {
            r.kind = "LICENCE";
            licences++;
            String type = item.path("resultLicenceType").asText();
            java.time.LocalDate on = Instant.ofEpochSecond(s[0]).atZone(ZONE).toLocalDate();
            r.key = type + "/" + c.licenceNo;
            r.payload = "{\"type\":\"" + type + "\",\"number\":\"" + c.licenceNo + "\",\"holderIdType\":\"RESIDENT_ID\",\"holderId\":\"" + c.applicant
                    + "\",\"holderName\":\"" + c.name + "\",\"issuerCode\":\"" + item.path("department").path("code").asText() + "\",\"issuerName\":\""
                    + item.path("department").path("name").asText() + "\",\"issuedOn\":\"" + on + "\",\"validFrom\":\"" + on + "\",\"validTo\":\""
                    + on.plusYears(5) + "\",\"status\":\"VALID\",\"caseNo\":\"" + c.no + "\",\"documentRef\":\"DOC-" + c.licenceNo + "\"}";
        } else {
            r.kind = "CASE";
            r.payload = c.json();
            Short inTime = c.done > 0 && c.decided() ? (short) (c.decidedIdx <= c.deadlineIdx ? 1 : 0) : null;
            r.row = new Row(item.path("code").asText(), item.path("department").path("code").asText(), item.path("department").path("name").asText(),
                    c.channel, c.status(), Instant.ofEpochSecond(c.steps.get(0)[0]).toString(), c.visits(), inTime);
            if (step == OPEN) {
                casesOpened++;
                channels.merge(c.route.equals("CITY") ? c.channel + "/CITY" : c.channel, 1L, Long::sum);
            } else {
                statusCounts[c.lastCaseStep(c.done - 2)]--;
            }
            statusCounts[step]++;
        }
        ready.add(r);
    }

    /** A resident ID number of the district (GB 11643, with its check digit). */
    private String idNumber() {
        java.time.LocalDate born = java.time.LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 66));
        String body = code + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** What the year's journals hold: channels, the cases' latest statuses, cards and licences. */
    static void describe(List<CityJournal> districts) {
        long cases = districts.stream().mapToLong(d -> d.casesOpened).sum();
        Map<String, Long> channels = new java.util.TreeMap<>();
        long[] statuses = new long[11];
        for (CityJournal d : districts) {
            d.channels.forEach((k, v) -> channels.merge(k, v, Long::sum));
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] += d.statusCounts[i];
            }
        }
        StringBuilder out = new StringBuilder("the city's year: " + cases + " cases; channels");
        channels.forEach((k, v) -> out.append(String.format(" %s %.1f%%", k, 100.0 * v / cases)));
        out.append("; latest status");
        String[] names = {"DRAFT", "IN_REVIEW", "REJECTED", "SUPPLEMENT_REQUESTED", "WITHDRAWN", "DECIDED", "DELIVERED"};
        for (int i = 0; i < names.length; i++) {
            out.append(String.format(" %s %.1f%%", names[i], 100.0 * statuses[i] / cases));
        }
        out.append(String.format("; carded %.1f%%; %d licences", 100.0 * districts.stream().mapToLong(d -> d.cards).sum() / cases,
                districts.stream().mapToLong(d -> d.licences).sum()));
        System.out.println(out);
    }
}

/** A case of a district's journal: what it is, and the journal steps planned for it when it was opened. */
final class JournalCase {
    String no, applicant, name, phone, channel, route, clerk, licenceNo;
    JsonNode item;
    int acceptedIdx, deadlineIdx, decidedIdx;
    boolean approved, pickup;
    /** {time, step} in time order, and how many of them the journal has written so far. */
    List<long[]> steps = new ArrayList<>();
    int done;

    /** The case as the district's journal has it after its steps so far (CaseViews.replica: the case DTO, applicant whole). */
    String json() {
        StringBuilder j = new StringBuilder(1600);
        j.append("{\"caseNo\":\"").append(no).append("\",\"itemCode\":\"").append(item.path("code").asText())
                .append("\",\"itemVersion\":1,\"itemName\":\"").append(item.path("name").asText()).append("\",\"departmentCode\":\"")
                .append(item.path("department").path("code").asText()).append("\",\"departmentName\":\"")
                .append(item.path("department").path("name").asText()).append("\",\"timeLimitDays\":").append(item.path("timeLimitDays").asInt())
                .append(",\"channel\":\"").append(channel).append("\",\"status\":\"").append(status())
                .append("\",\"applicant\":{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"").append(applicant).append("\",\"name\":\"")
                .append(name).append("\",\"phone\":\"").append(phone).append("\"},\"materials\":[");
        int m = 0;
        for (JsonNode material : item.path("materials")) {
            if (material.path("required").asBoolean() || (no.hashCode() >> m & 1) == 1) {
                j.append(m++ == 0 ? "" : ",").append("{\"code\":\"").append(material.path("code").asText())
                        .append("\",\"required\":false,\"received\":true,\"deficiencyAllowed\":false,\"owed\":false,")
                        .append(material.hasNonNull("licenceType") ? "\"licenceType\":\"" + material.path("licenceType").asText() + "\"," : "")
                        .append("\"source\":\"").append("ONLINE".equals(channel) ? "ONLINE" : "WINDOW").append("\"}");
            }
        }
        j.append("],\"visits\":").append(visits());
        if (done(CityJournal.DELIVER)) {
            j.append(",\"delivery\":{\"method\":\"").append(pickup || acceptedIdx == decidedIdx ? "WINDOW" : "POST").append("\"")
                    .append(pickup ? ",\"collectedBy\":\"" + applicant.substring(0, 6) + "********" + applicant.substring(14) + "\"" : "")
                    .append(!pickup && acceptedIdx != decidedIdx ? ",\"carrier\":\"EMS\",\"trackingNo\":\"11" + Math.abs(no.hashCode()) + "\"" : "")
                    .append("}");
        }
        if (done(CityJournal.ACCEPT) || done(CityJournal.DELIVER)) {
            j.append(",\"timeLimit\":{\"acceptedOn\":\"").append(CityJournal.workingDay(acceptedIdx)).append("\",\"deadline\":\"")
                    .append(CityJournal.workingDay(deadlineIdx)).append("\",\"suspendedDays\":0,\"extendedDays\":0,\"extensions\":0");
            if (decided()) {
                j.append(",\"decidedOn\":\"").append(CityJournal.workingDay(decidedIdx)).append("\",\"workingDaysUsed\":").append(decidedIdx - acceptedIdx)
                        .append(",\"inTime\":").append(decidedIdx <= deadlineIdx);
            }
            j.append("}");
        }
        j.append(",\"route\":\"").append(route).append("\"");
        if (decided()) {
            j.append(",\"decision\":{\"outcome\":\"").append(approved ? "APPROVED" : "DENIED").append("\",\"resultDocument\":\"")
                    .append(approved ? "准予" : "不予").append(item.path("name").asText()).append("决定书\"")
                    .append(licenceNo != null ? ",\"licenceNo\":\"" + licenceNo + "\"" : "")
                    .append(approved ? "" : ",\"reason\":\"不符合法定条件\"").append("}");
        }
        j.append(",\"createdAt\":\"").append(Instant.ofEpochSecond(steps.get(0)[0])).append("\",\"createdBy\":\"").append(clerk)
                .append("\",\"history\":[");
        String from = null;
        for (int k = 0; k < done; k++) {
            int step = (int) steps.get(k)[1];
            if (step > CityJournal.DELIVER) {
                continue;
            }
            String to = status(step);
            j.append(k == 0 ? "" : ",").append("{\"at\":\"").append(Instant.ofEpochSecond(steps.get(k)[0])).append("\",\"by\":\"")
                    .append(step == CityJournal.DECIDE ? "reviewer" + (no.hashCode() & 7) : clerk).append("\",")
                    .append(from == null ? "" : "\"from\":\"" + from + "\",").append("\"to\":\"").append(to).append("\",\"note\":\"")
                    .append(NOTES[step]).append("\"}");
            from = to;
        }
        return j.append("],\"receiving\":false}").toString();
    }

    private static final String[] NOTES = {"收件", "受理，材料齐全，已送交部门审查", "不予受理：不属于本机关职权范围", "请申请人补正材料",
        "申请人撤回申请", "部门作出决定", "已出件"};

    /** The case's status after the steps done so far. */
    String status() {
        return status(lastCaseStep(done - 1));
    }

    private String status(int step) {
        switch (step) {
            case CityJournal.OPEN: return "DRAFT";
            case CityJournal.ACCEPT: return "IN_REVIEW";
            case CityJournal.REJECT: return "REJECTED";
            case CityJournal.SUPPLEMENT: return "SUPPLEMENT_REQUESTED";
            case CityJournal.WITHDRAW: return "WITHDRAWN";
            case CityJournal.DECIDE: return approved ? "APPROVED" : "DENIED";
            default: return "DELIVERED";
        }
    }

    int lastCaseStep(int upTo) {
        for (int k = upTo; k >= 0; k--) {
            if (steps.get(k)[1] <= CityJournal.DELIVER) {
                return (int) steps.get(k)[1];
            }
        }
        return CityJournal.OPEN;
    }

    boolean done(byte step) {
        for (int k = 0; k < done; k++) {
            if (steps.get(k)[1] == step) {
                return true;
            }
        }
        return false;
    }

    boolean decided() {
        return done(CityJournal.DECIDE) || done(CityJournal.DELIVER);
    }

    int visits() {
        boolean window = "WINDOW".equals(channel);
        return (window ? 1 : 0) + (window && done(CityJournal.SUPPLEMENT) ? 1 : 0) + (pickup && done(CityJournal.DELIVER) ? 1 : 0);
    }
}
