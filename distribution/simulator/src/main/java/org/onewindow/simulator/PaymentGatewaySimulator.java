package org.onewindow.simulator;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A payment gateway (支付平台) as the appliance meets one, for tests, benchmarks and the demo: the
 * citizen is sent to its cashier page with a signed order, pays there and is redirected back; the
 * gateway tells the merchant by a signed asynchronous notification, repeated until answered
 * {@code success} (and, as real gateways do, sometimes more than once); the merchant may query an
 * order and fetch the day's statement, both signed. Every message is signed with the shared secret as
 * the relay's are ({@link Signatures}: HMAC-SHA256 over the timestamp, a dot and the body, or for a
 * request without a body its parameters sorted by name as {@code k=v&k=v}).
 * <p>
 * The admin port steers it: {@code POST /admin/scenario} ({@code duplicates}: extra copies of each
 * notification; {@code amountDelta}: added to the notified amount; {@code dropNotifications}: pay without
 * telling), and {@code POST /admin/notify} sends a notification of a paid order now, optionally with
 * another amount or a forged signature.
 */
public final class PaymentGatewaySimulator implements AutoCloseable {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long[] RETRY_SECONDS = {0, 1, 2, 4, 8, 16};

    private final String merchant;
    private final String secret;
    private final int port;
    private final int adminPort;
    private final EventLog log;
    private final Json json = new Json();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong trades = new AtomicLong();
    private final ScheduledExecutorService notifier = Executors.newScheduledThreadPool(2);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int duplicates = 1;
    private volatile BigDecimal amountDelta = BigDecimal.ZERO;
    private volatile boolean dropNotifications;
    private HttpServer main;
    private HttpServer admin;

    /** An order as the gateway knows it. */
    static final class Order {
        final String orderNo;
        final BigDecimal amount;
        final String subject;
        final String notifyUrl;
        final String returnUrl;
        volatile String tradeNo;
        volatile Instant paidAt;

        Order(String orderNo, BigDecimal amount, String subject, String notifyUrl, String returnUrl) {
            this.orderNo = orderNo;
            this.amount = amount;
            this.subject = subject;
            this.notifyUrl = notifyUrl;
            this.returnUrl = returnUrl;
        }
    }

    PaymentGatewaySimulator(int port, int adminPort, String merchant, String secret) {
        this.port = port;
        this.adminPort = adminPort;
        this.merchant = merchant;
        this.secret = secret;
        this.log = new EventLog(System.out, "PAY");
    }

    void start() throws IOException {
        main = TlsOption.server(new InetSocketAddress(port), 256);
        main.createContext("/", this::handleMain);
        main.setExecutor(Executors.newFixedThreadPool(8));
        main.start();
        admin = HttpServer.create(new InetSocketAddress(adminPort), 16);
        admin.createContext("/", this::handleAdmin);
        admin.start();
        log.event("STARTED", "port", port, "adminPort", adminPort, "merchant", merchant);
    }

    @Override
    public void close() {
        notifier.shutdownNow();
        if (main != null) {
            main.stop(0);
        }
        if (admin != null) {
            admin.stop(0);
        }
    }

    private void handleMain(HttpExchange x) throws IOException {
        Exchanges.answer(x, () -> {
            String path = x.getRequestURI().getPath();
            Map<String, String> q = params(x.getRequestURI().getRawQuery());
            if ("GET".equals(x.getRequestMethod()) && "/cashier".equals(path)) {
                cashier(x, q);
            } else if ("POST".equals(x.getRequestMethod()) && "/cashier/pay".equals(path)) {
                pay(x, params(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            } else if ("GET".equals(x.getRequestMethod()) && path.startsWith("/orders/")) {
                if (signed(x, q)) {
                    query(x, path.substring("/orders/".length()));
                }
            } else if ("GET".equals(x.getRequestMethod()) && "/statement".equals(path)) {
                if (signed(x, q)) {
                    statement(x, LocalDate.parse(q.getOrDefault("day", LocalDate.now(ZONE).toString())));
                }
            } else {
                text(x, 404, "not found");
            }
        }, e -> {
            log.event("ERROR", "error", e.toString());
            text(x, 400, "bad request: " + e.getMessage());
        });
    }

    /** The cashier page of a signed order; the order is remembered at its first showing. */
    private void cashier(HttpExchange x, Map<String, String> q) throws IOException {
        if (!signed(x, q)) {
            return;
        }
        BigDecimal amount = new BigDecimal(q.get("amount"));
        Order o = orders.computeIfAbsent(q.get("orderNo"), no -> new Order(no, amount, q.get("subject"), q.get("notifyUrl"), q.get("returnUrl")));
        if (o.amount.compareTo(amount) != 0) {
            log.event("ORDER_CHANGED", "orderNo", o.orderNo);
            text(x, 409, "order " + o.orderNo + " was created with another amount");
            return;
        }
        log.event("CASHIER", "orderNo", o.orderNo, "amount", o.amount);
        String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>收银台（模拟）</title></head><body>"
                + "<h1>收银台（模拟支付平台）</h1><p id=\"subject\">" + escape(o.subject) + "</p><p>订单号 <span id=\"order\">" + escape(o.orderNo)
                + "</span></p><p>金额 ¥<span id=\"amount\">" + o.amount.toPlainString() + "</span></p>"
                + (o.paidAt != null ? "<p id=\"paid\">已支付</p>" : "")
                + "<form method=\"post\" action=\"/cashier/pay\"><input type=\"hidden\" name=\"orderNo\" value=\"" + escape(o.orderNo)
                + "\"><button id=\"pay\" type=\"submit\">确认支付</button></form></body></html>";
        Exchanges.send(x, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The citizen pays: a trade is made once, the merchant is told, the browser goes back. */
    private void pay(HttpExchange x, Map<String, String> form) throws IOException {
        Order o = orders.get(form.get("orderNo"));
        if (o == null) {
            text(x, 404, "no such order");
            return;
        }
        boolean first;
        synchronized (o) {
            first = o.tradeNo == null;
            if (first) {
                o.tradeNo = "SIM" + LocalDate.now(ZONE).toString().replace("-", "") + String.format("%06d", trades.incrementAndGet());
                o.paidAt = Instant.now();
            }
        }
        log.event(first ? "PAID" : "PAID_AGAIN", "orderNo", o.orderNo, "tradeNo", o.tradeNo, "amount", o.amount);
        if (first && !dropNotifications) {
            for (int copy = 0; copy <= duplicates; copy++) {
                notifyLater(o, o.amount.add(amountDelta), false, 0, copy * 300L);
            }
        }
        x.getResponseHeaders().set("Location", o.returnUrl + (o.returnUrl.contains("?") ? "&" : "?") + "orderNo=" + o.orderNo);
        Exchanges.send(x, 303, "text/plain", new byte[0], Map.of());
    }

    private void notifyLater(Order o, BigDecimal amount, boolean forged, int attempt, long delayMillis) {
        notifier.schedule(() -> notifyNow(o, amount, forged, attempt), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void notifyNow(Order o, BigDecimal amount, boolean forged, int attempt) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("merchant", merchant);
        n.put("orderNo", o.orderNo);
        n.put("tradeNo", o.tradeNo);
        n.put("amount", amount.toPlainString());
        n.put("status", "PAID");
        n.put("paidAt", o.paidAt.toString());
        byte[] body = json.bytes(n);
        long now = Instant.now().getEpochSecond();
        String signature = forged ? Signatures.sign("not-the-secret", now, body) : Signatures.sign(secret, now, body);
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(o.notifyUrl)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header(Signatures.TIMESTAMP, Long.toString(now))
                    .header(Signatures.SIGNATURE, signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean done = r.statusCode() == 200 && r.body().contains("success");
            log.event(done ? "NOTIFIED" : "NOTIFY_REFUSED", "orderNo", o.orderNo, "attempt", attempt + 1, "status", r.statusCode());
            if (done || forged) {
                return;
            }
        } catch (IOException e) {
            log.event("NOTIFY_FAILED", "orderNo", o.orderNo, "attempt", attempt + 1, "error", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt + 1 < RETRY_SECONDS.length) {
            notifyLater(o, amount, false, attempt + 1, RETRY_SECONDS[attempt + 1] * 1000);
        } else {
            log.event("NOTIFY_ABANDONED", "orderNo", o.orderNo);
        }
    }

    private void query(HttpExchange x, String orderNo) throws IOException {
        Order o = orders.get(orderNo);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orderNo", orderNo);
        if (o == null) {
            out.put("status", "NOT_FOUND");
        } else {
            out.put("status", o.tradeNo == null ? "UNPAID" : "PAID");
            out.put("amount", o.amount.toPlainString());
            out.put("tradeNo", o.tradeNo);
            out.put("paidAt", o.paidAt == null ? null : o.paidAt.toString());
        }
        log.event("QUERIED", "orderNo", orderNo, "status", out.get("status"));
        signedJson(x, out);
    }

    private void statement(HttpExchange x, LocalDate day) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Order o : orders.values()) {
            if (o.paidAt != null && o.paidAt.atZone(ZONE).toLocalDate().equals(day)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("orderNo", o.orderNo);
                r.put("tradeNo", o.tradeNo);
                r.put("amount", o.amount.toPlainString());
                r.put("status", "PAID");
                r.put("paidAt", o.paidAt.toString());
                rows.add(r);
            }
        }
        log.event("STATEMENT", "day", day, "trades", rows.size());
        signedJson(x, Map.of("day", day.toString(), "trades", rows));
    }

    private void handleAdmin(HttpExchange x) throws IOException {
        Exchanges.answer(x, () -> {
            JsonNode body = "POST".equals(x.getRequestMethod()) ? json.tree(Exchanges.orEmpty(x.getRequestBody().readAllBytes())) : null;
            switch (x.getRequestURI().getPath()) {
                case "/admin/scenario":
                    if (body.has("duplicates")) {
                        duplicates = body.get("duplicates").asInt();
                    }
                    if (body.has("amountDelta")) {
                        amountDelta = new BigDecimal(body.get("amountDelta").asText());
                    }
                    if (body.has("dropNotifications")) {
                        dropNotifications = body.get("dropNotifications").asBoolean();
                    }
                    log.event("SCENARIO", "duplicates", duplicates, "amountDelta", amountDelta, "dropNotifications", dropNotifications);
                    text(x, 200, "ok");
                    break;
                case "/admin/notify":
                    Order o = orders.get(Json.text(body, "orderNo"));
                    if (o == null || o.tradeNo == null) {
                        text(x, 404, "no paid order " + Json.text(body, "orderNo"));
                        break;
                    }
                    BigDecimal amount = body.has("amount") ? new BigDecimal(body.get("amount").asText()) : o.amount;
                    notifyNow(o, amount, body.path("forged").asBoolean(false), RETRY_SECONDS.length - 1);
                    text(x, 200, "sent");
                    break;
                case "/admin/health":
                    text(x, 200, "ok");
                    break;
                default:
                    text(x, 404, "not found");
            }
        }, e -> text(x, 400, "bad request: " + e.getMessage()));
    }

    /** Whether the request's parameters carry the merchant's signature, within five minutes; answers 401 if not. */
    private boolean signed(HttpExchange x, Map<String, String> q) throws IOException {
        Map<String, String> unsigned = new TreeMap<>(q);
        String sign = unsigned.remove("sign");
        String ts = unsigned.get("timestamp");
        if (!merchant.equals(q.get("merchant"))
                || !Signatures.verify(secret, ts, sign, canonical(unsigned).getBytes(StandardCharsets.UTF_8), Instant.now().getEpochSecond(),
                        Signatures.MAX_SKEW_SECONDS)) {
            log.event("BAD_SIGNATURE", "path", x.getRequestURI().getPath());
            text(x, 401, "bad signature");
            return false;
        }
        return true;
    }

    /** Parameters sorted by name as {@code k=v&k=v}, values as they are (not encoded): what is signed. */
    static String canonical(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return b.toString();
    }

    private void signedJson(HttpExchange x, Object value) throws IOException {
        byte[] body = json.bytes(value);
        long now = Instant.now().getEpochSecond();
        Exchanges.send(x, 200, "application/json", body, Map.of(Signatures.TIMESTAMP, Long.toString(now), Signatures.SIGNATURE,
                Signatures.sign(secret, now, body)));
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void text(HttpExchange x, int status, String text) throws IOException {
        Exchanges.send(x, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {@code --port 9600 --admin-port 9601 --merchant OW441302 --secret s3cret [--exit-with-parent]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = CommandLine.options(args);
        String secret = o.get("secret");
        if (secret == null) {
            System.err.println("usage: --port 9600 --admin-port 9601 --merchant OW441302 --secret s3cret");
            System.exit(2);
        }
        TlsOption.configure(o);
        int port = Integer.parseInt(o.getOrDefault("port", "9600"));
        PaymentGatewaySimulator gateway = new PaymentGatewaySimulator(port, Integer.parseInt(o.getOrDefault("adminPort",
                String.valueOf(port + 1))), o.getOrDefault("merchant", "OW441302"), secret);
        gateway.start();
        CommandLine.serveUntilStopped(gateway::close, o);
    }
}
