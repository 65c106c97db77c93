package org.onewindow.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real-name verification service (实名核验: a provincial unified identity platform, or an operator's
 * three-element check) as the appliance meets one, for tests and the demo: {@code POST /v1/verifications}
 * with {@code {"requestId","idNumber","name","mobile"}} answers {@code {"requestId","result","reference"}},
 * {@code result} {@code MATCH} when the mobile is registered in the real name of that ID number and name,
 * else {@code MISMATCH}. Public keys both ways (Ed25519, {@link Ed25519}): the hall ({@code X-OneWindow-Client})
 * signs its request with its key, whose public half this service reads from {@code --client-key-file} (at
 * every request, so the hall's first start may create it later); the answer is signed with this service's
 * own key, made at the first start ({@code --key-file}, its public half beside it as {@code <key-file>.pub}),
 * which the hall is given. A request older than five minutes, unsigned, signed by another key, or seen before
 * (its {@code requestId}) is refused.
 * <p>
 * Whose a mobile is, the service knows from {@code --persons <file>} (a JSON array of {@code idNumber, name,
 * mobile}) and {@code POST /admin/persons}. The admin port steers it: {@code POST /admin/scenario}
 * ({@code down}: 503 to every question; {@code forge}: answers signed with another key; {@code stale}: answers
 * dated ten minutes ago), {@code GET /admin/stats}. The log names ID numbers and mobiles masked only.
 */
public final class RealNameSimulator implements AutoCloseable {
    static final String CLIENT = "X-OneWindow-Client";
    private static final long SKEW_SECONDS = 300;

    private final int port;
    private final int adminPort;
    private final String appId;
    private final Path clientKeyFile;
    private final KeyPair own;
    private final KeyPair forger;
    private final EventLog log = new EventLog(System.out, "REALNAME");
    private final Json json = new Json();
    /** ID number to "name|mobile" entries. */
    private final Map<String, Set<String>> persons = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicLong verifications = new AtomicLong();
    private final AtomicLong matches = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean down;
    private volatile boolean forge;
    private volatile boolean stale;
    private HttpServer main;
    private HttpServer admin;

    RealNameSimulator(int port, int adminPort, String appId, Path clientKeyFile, Path keyFile) throws IOException, GeneralSecurityException {
        this.port = port;
        this.adminPort = adminPort;
        this.appId = appId;
        this.clientKeyFile = clientKeyFile;
        this.own = Ed25519.loadOrCreate(keyFile, publicKeyFile(keyFile));
        this.forger = Ed25519.generate();
    }

    /** Where the service's public key is written beside its private key. */
    static Path publicKeyFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
    }

    void start() throws IOException {
        main = TlsOption.server(new InetSocketAddress(port), 64);
        main.createContext("/", this::handleMain);
        main.setExecutor(Executors.newFixedThreadPool(4));
        main.start();
        admin = HttpServer.create(new InetSocketAddress(adminPort), 16);
        admin.createContext("/", this::handleAdmin);
        admin.start();
        log.event("STARTED", "port", port(), "adminPort", adminPort(), "appId", appId, "persons", persons.size());
    }

    int port() {
        return main.getAddress().getPort();
    }

    int adminPort() {
        return admin.getAddress().getPort();
    }

    /** Registers a mobile in the real name of an ID number and name. */
    void person(String idNumber, String name, String mobile) {
        persons.computeIfAbsent(idNumber, k -> ConcurrentHashMap.newKeySet()).add(name + "|" + mobile);
        log.event("PERSON_ADDED", "idNumber", EventLog.mask(idNumber), "mobile", maskMobile(mobile));
    }

    @Override
    public void close() {
        if (main != null) {
            main.stop(0);
        }
        if (admin != null) {
            admin.stop(0);
        }
    }

    private void handleMain(HttpExchange x) throws IOException {
        Exchanges.answer(x, () -> {
            if (!"POST".equals(x.getRequestMethod()) || !"/v1/verifications".equals(x.getRequestURI().getPath())) {
                error(x, 404, "NOT_FOUND");
                return;
            }
            byte[] body = x.getRequestBody().readAllBytes();
            if (down) {
                log.event("DOWN_REFUSED");
                error(x, 503, "UNAVAILABLE");
                return;
            }
            String ts = x.getRequestHeaders().getFirst(Signatures.TIMESTAMP);
            if (!appId.equals(x.getRequestHeaders().getFirst(CLIENT)) || !fresh(ts)
                    || !Ed25519.verify(clientKey(), ts, body, x.getRequestHeaders().getFirst(Signatures.SIGNATURE))) {
                log.event("BAD_SIGNATURE", "client", x.getRequestHeaders().getFirst(CLIENT));
                error(x, 401, "BAD_SIGNATURE");
                return;
            }
            JsonNode q = json.tree(body);
            String requestId = Json.text(q, "requestId");
            String idNumber = Json.text(q, "idNumber");
            String name = Json.text(q, "name");
            String mobile = Json.text(q, "mobile");
            if (requestId == null || idNumber == null || name == null || mobile == null) {
                error(x, 400, "BAD_REQUEST");
                return;
            }
            long now = Instant.now().getEpochSecond();
            seen.values().removeIf(at -> at < now - 2 * SKEW_SECONDS);
            if (seen.putIfAbsent(requestId, now) != null) {
                log.event("REPLAYED", "requestId", requestId);
                error(x, 409, "REPLAYED");
                return;
            }
            boolean match = persons.getOrDefault(idNumber, Set.of()).contains(name + "|" + mobile);
            String reference = "RN" + String.format("%08d", verifications.incrementAndGet());
            (match ? matches : refused).incrementAndGet();
            log.event("VERIFIED", "reference", reference, "idNumber", EventLog.mask(idNumber), "mobile", maskMobile(mobile),
                    "result", match ? "MATCH" : "MISMATCH");
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("requestId", requestId);
            answer.put("result", match ? "MATCH" : "MISMATCH");
            answer.put("reference", reference);
            signed(x, answer);
        }, e -> {
            log.event("ERROR", "error", e.getClass().getSimpleName());
            error(x, 400, "BAD_REQUEST");
        });
    }

    private boolean fresh(String ts) {
        return ts != null && ts.strip().matches("\\d{1,12}") && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts.strip())) <= SKEW_SECONDS;
    }

    /** The hall's public key, read at every request: the hall makes it at its first start, maybe after this service's. */
    private PublicKey clientKey() throws IOException, GeneralSecurityException {
        if (!Files.isReadable(clientKeyFile)) {
            throw new IOException("no client key at " + clientKeyFile);
        }
        return Ed25519.readPublic(clientKeyFile);
    }

    private void signed(HttpExchange x, Object value) throws IOException, GeneralSecurityException {
        byte[] body = json.bytes(value);
        long at = Instant.now().getEpochSecond() - (stale ? 600 : 0);
        PrivateKey key = forge ? forger.getPrivate() : own.getPrivate();
        x.getResponseHeaders().set(Signatures.TIMESTAMP, Long.toString(at));
        x.getResponseHeaders().set(Signatures.SIGNATURE, Ed25519.sign(key, at, body));
        send(x, 200, body);
    }

    private void handleAdmin(HttpExchange x) throws IOException {
        Exchanges.answer(x, () -> {
            JsonNode body = "POST".equals(x.getRequestMethod()) ? json.tree(Exchanges.orEmpty(x.getRequestBody().readAllBytes())) : null;
            switch (x.getRequestURI().getPath()) {
                case "/admin/persons":
                    person(Json.text(body, "idNumber"), Json.text(body, "name"), Json.text(body, "mobile"));
                    send(x, 200, json.bytes(Map.of("persons", persons.size())));
                    break;
                case "/admin/scenario":
                    down = body.has("down") ? body.get("down").asBoolean() : down;
                    forge = body.has("forge") ? body.get("forge").asBoolean() : forge;
                    stale = body.has("stale") ? body.get("stale").asBoolean() : stale;
                    log.event("SCENARIO", "down", down, "forge", forge, "stale", stale);
                    send(x, 200, json.bytes(Map.of("down", down, "forge", forge, "stale", stale)));
                    break;
                case "/admin/stats":
                    send(x, 200, json.bytes(Map.of("verifications", verifications.get(), "matches", matches.get(), "mismatches", refused.get())));
                    break;
                case "/admin/health":
                    send(x, 200, "ok".getBytes(StandardCharsets.UTF_8));
                    break;
                default:
                    error(x, 404, "NOT_FOUND");
            }
        }, e -> error(x, 400, "BAD_REQUEST"));
    }

    private void loadPersons(Path file) throws IOException {
        for (JsonNode p : json.tree(Files.readAllBytes(file))) {
            person(Json.text(p, "idNumber"), Json.text(p, "name"), Json.text(p, "mobile"));
        }
    }

    static String maskMobile(String mobile) {
        return mobile == null || mobile.length() < 11 ? "***" : mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private void error(HttpExchange x, int status, String code) throws IOException {
        send(x, status, json.bytes(Map.of("code", code)));
    }

    private static void send(HttpExchange x, int status, byte[] body) throws IOException {
        Exchanges.send(x, status, "application/json", body, Map.of());
    }

    /**
     * {@code --port 9700 --admin-port 9701 --app-id OW441302 --client-key-file <hall-key.pub.pem> --key-file <platform-key.pem>
     * [--persons persons.json] [--exit-with-parent]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = CommandLine.options(args);
        if (o.get("clientKeyFile") == null || o.get("keyFile") == null) {
            System.err.println("usage: --port 9700 --admin-port 9701 --app-id OW441302 --client-key-file hall-key.pub.pem --key-file platform-key.pem"
                    + " [--persons persons.json]");
            System.exit(2);
        }
        TlsOption.configure(o);
        int port = Integer.parseInt(o.getOrDefault("port", "9700"));
        RealNameSimulator service = new RealNameSimulator(port, Integer.parseInt(o.getOrDefault("adminPort", String.valueOf(port + 1))),
                o.getOrDefault("appId", "OW441302"), Paths.get(o.get("clientKeyFile")), Paths.get(o.get("keyFile")));
        if (o.containsKey("persons")) {
            service.loadPersons(Paths.get(o.get("persons")));
        }
        service.start();
        CommandLine.serveUntilStopped(service::close, o);
    }
}
