package org.onewindow.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The main port's {@code POST /cases}: reads a delivery, with the switches' latency and injected errors, checks its
 * signature, its idempotency key and its files, and records the case held (a new case, a replay, a second key, or the
 * resubmission a SUPPLEMENT decision asked for), handing what is to be decided to {@link Decisions}.
 */
final class DeliveryIntake {
    /** The largest delivery read (files travel inside it as base64). */
    static final int MAX_BODY = 64 * 1024 * 1024;

    private final Department department;
    private final Json json = new Json();
    private final Replies replies;
    private final Decisions decisions;
    /** The cases and counters since the last reset. */
    private final Supplier<Run> current;
    /** The n of references and licence numbers; goes on across resets so references are never reused. */
    private final AtomicLong sequence = new AtomicLong();

    DeliveryIntake(Department department, Replies replies, Decisions decisions, Supplier<Run> current) {
        this.department = department;
        this.replies = replies;
        this.decisions = decisions;
        this.current = current;
    }

    void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getPath();
            if (!"/cases".equals(path) && !"/cases/".equals(path)) {
                Exchanges.drain(ex);
                replies.error(ex, 404, "NOT_FOUND", "no such resource: " + path);
            } else if (!"POST".equals(ex.getRequestMethod())) {
                Exchanges.drain(ex);
                ex.getResponseHeaders().set("Allow", "POST");
                replies.error(ex, 405, "METHOD_NOT_ALLOWED", "only POST /cases");
            } else {
                delivery(ex);
            }
        } catch (IOException | RuntimeException e) {
            department.event("ERROR", "path", ex.getRequestURI().getPath(), "error", EventLog.oneLine(e));
            try {
                replies.error(ex, 500, "INTERNAL", String.valueOf(e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone (the main port was closed, or the client went away)
            }
        } finally {
            ex.close();
        }
    }

    private void delivery(HttpExchange ex) throws IOException {
        byte[] body = Exchanges.readBody(ex, MAX_BODY);
        if (body == null) {
            replies.error(ex, 413, "PAYLOAD_TOO_LARGE", "the delivery is over " + MAX_BODY + " bytes");
            return;
        }
        Run r = current.get();
        long latency = department.switches().latencyMs();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        double errorRate = department.switches().errorRate();
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            r.errorsInjected.incrementAndGet();
            department.event("ERROR_INJECTED", "status", 503);
            replies.error(ex, 503, "UNAVAILABLE", "审批系统暂时不可用（模拟）");
            return;
        }
        String timestamp = ex.getRequestHeaders().getFirst(Signatures.TIMESTAMP);
        String signature = ex.getRequestHeaders().getFirst(Signatures.SIGNATURE);
        long now = Instant.now().getEpochSecond();
        if (!Signatures.verify(department.secret(), timestamp, signature, body, now, Signatures.MAX_SKEW_SECONDS)) {
            r.badSignatures.incrementAndGet();
            department.event("BAD_SIGNATURE", "caseNo", caseNoForLog(body), "why", signatureProblem(timestamp, signature));
            replies.error(ex, 401, "BAD_SIGNATURE", "签名缺失、无效或时间戳超出 " + Signatures.MAX_SKEW_SECONDS + " 秒");
            return;
        }
        JsonNode d;
        try {
            d = json.tree(body);
        } catch (IOException e) {
            badRequest(ex, r, null, "the body is not JSON");
            return;
        }
        if (!d.isObject()) {
            badRequest(ex, r, null, "the body is not a JSON object");
            return;
        }
        String caseNo = Json.text(d, "caseNo");
        String key = Json.text(d, "deliveryKey");
        String header = ex.getRequestHeaders().getFirst(Signatures.IDEMPOTENCY_KEY);
        if (caseNo == null || key == null) {
            badRequest(ex, r, caseNo, "caseNo and deliveryKey are required");
            return;
        }
        if (!key.equals(header == null ? null : header.strip())) {
            badRequest(ex, r, caseNo, "the Idempotency-Key header must equal the body's deliveryKey");
            return;
        }
        Held replayed = r.byKey.get(key);
        if (replayed == null) {
            String corrupt = DeliveredFiles.corrupt(d);
            if (corrupt != null) {
                r.filesCorrupt.incrementAndGet();
                department.event("FILE_CORRUPT", "caseNo", caseNo, "deliveryKey", key, "why", corrupt);
                replies.error(ex, 422, "FILE_CORRUPT", corrupt);
                return;
            }
        }
        Accepted accepted = record(r, d, caseNo, key);
        replies.send(ex, 202, accepted.held().response, accepted.replay() ? "true" : null);
    }

    /** What {@link #record} did with a delivery. */
    private record Accepted(Held held, boolean replay) {
    }

    private Accepted record(Run r, JsonNode d, String caseNo, String key) {
        Held h;
        Plan plan = null;
        String event;
        boolean replay = false;
        synchronized (r.lock) {
            h = r.byKey.get(key);
            if (h != null) {
                replay = true;
                r.duplicates.incrementAndGet();
                event = "DELIVERY_REPLAYED";
            } else {
                h = r.byCase.get(caseNo);
                if (h != null) {
                    r.byKey.put(key, h);
                    if ("SUPPLEMENT".equalsIgnoreCase(Json.text(d, "purpose"))) {
                        // the materials asked for by a SUPPLEMENT decision, sent under a new key: decide again
                        r.resubmissions.incrementAndGet();
                        h.deliveryKey = key;
                        h.decision = null;
                        plan = Plan.of(department.switches());
                        event = "DELIVERY_RESUBMITTED";
                    } else {
                        r.duplicates.incrementAndGet();
                        event = "DELIVERY_SECOND_KEY";
                    }
                } else {
                    long n = sequence.incrementAndGet();
                    h = new Held(caseNo, department.code() + "-" + n, n, key, Json.text(d, "callbackUrl"));
                    h.response = json.bytes(Map.of("reference", h.reference, "caseNo", caseNo));
                    r.byCase.put(caseNo, h);
                    r.byKey.put(key, h);
                    plan = Plan.of(department.switches());
                    event = "DELIVERED";
                }
            }
            h.deliveries.incrementAndGet();
            r.received.incrementAndGet();
        }
        JsonNode applicant = d.path("applicant");
        department.event(event, "caseNo", caseNo, "reference", h.reference, "deliveryKey", key,
                "applicant", "DELIVERED".equals(event) ? EventLog.mask(Json.text(applicant, "idNumber")) : null,
                "item", "DELIVERED".equals(event) ? Json.text(d.path("item"), "code") : null,
                "files", "DELIVERED".equals(event) ? DeliveredFiles.count(d) : null,
                "deliveries", h.deliveries.get());
        if (plan != null) {
            if (plan.autoDecide()) {
                decisions.later(r, h, key, plan);
            } else {
                department.event("HELD", "caseNo", caseNo, "reference", h.reference, "why", "autoDecide is off");
            }
        }
        return new Accepted(h, replay);
    }

    private void badRequest(HttpExchange ex, Run r, String caseNo, String why) throws IOException {
        r.badRequests.incrementAndGet();
        department.event("BAD_REQUEST", "caseNo", caseNo, "why", "'" + why + "'");
        replies.error(ex, 400, "BAD_REQUEST", why);
    }

    private String caseNoForLog(byte[] body) {
        try {
            return Json.text(json.tree(body), "caseNo");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String signatureProblem(String timestamp, String signature) {
        if (timestamp == null || signature == null) {
            return "missing";
        }
        try {
            long at = Long.parseLong(timestamp.strip());
            return Math.abs(Instant.now().getEpochSecond() - at) > Signatures.MAX_SKEW_SECONDS ? "stale-timestamp" : "mismatch";
        } catch (NumberFormatException e) {
            return "bad-timestamp";
        }
    }
}
