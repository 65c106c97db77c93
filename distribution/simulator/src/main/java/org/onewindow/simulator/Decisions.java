package org.onewindow.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The department's decisions and their callbacks: a held case is decided by its {@link Plan}, after the plan's
 * delay or at once by the admin, and the signed decision is posted to the case's {@code callbackUrl}, in one or
 * two copies, each tried again with a doubling backoff until it is answered 2xx or 409 or its attempts run out.
 * A decision is pending until its last copy is over.
 */
final class Decisions {
    private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(10);
    private static final String DENIAL_REASON = "不符合法定条件";
    private static final String DENIAL_BASIS = "《中华人民共和国行政许可法》第三十八条";

    private final Department department;
    private final Json json = new Json();
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    /** The run decisions are made for; null once the simulator is closed. A timer or answer of another run does nothing. */
    private final Supplier<Run> live;

    Decisions(Department department, ScheduledExecutorService scheduler, HttpClient client, Supplier<Run> live) {
        this.department = department;
        this.scheduler = scheduler;
        this.client = client;
        this.live = live;
    }

    /** One decision's callback: its body, and how many copies are to be sent. */
    private record Callback(Run run, Held held, String deliveryKey, URI uri, byte[] body, int copies) {
    }

    /** Decides a case just delivered after its plan's delay. */
    void later(Run r, Held h, String key, Plan plan) {
        r.pending.incrementAndGet();
        scheduler.schedule(() -> decide(r, h, key, plan), plan.delayMs(), TimeUnit.MILLISECONDS);
    }

    /**
     * Decides a held case now (the admin's {@code POST /admin/decide}), whatever autoDecide says: {@code decision} and
     * {@code materials} null for the switches'. The case's view, or null when no such case is held.
     */
    Map<String, Object> now(Run r, String caseNo, String decision, List<String> materials) {
        Held h = r.byCase.get(caseNo);
        if (h == null) {
            return null;
        }
        Switches chosen = new Switches();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("decision", decision == null ? department.switches().decision() : decision);
        c.put("supplementMaterials", materials == null ? department.switches().supplementMaterials() : materials);
        chosen.apply(c);
        r.pending.incrementAndGet();
        decide(r, h, h.deliveryKey, new Plan(chosen.decision(), chosen.supplementMaterials(), 0,
                department.switches().duplicateCallbacks(), true));
        return h.view();
    }

    private void decide(Run r, Held h, String key, Plan plan) {
        if (r != live.get()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", h.caseNo);
        body.put("deliveryKey", key);
        body.put("reference", h.reference);
        body.put("decision", plan.decision());
        switch (plan.decision()) {
            case "DENIED":
                body.put("resultDocument", "不予许可决定书 " + h.reference);
                body.put("reason", DENIAL_REASON);
                body.put("legalBasis", DENIAL_BASIS);
                break;
            case "SUPPLEMENT":
                body.put("reason", "请补正材料");
                body.put("materials", plan.materials());
                break;
            default:
                body.put("resultDocument", "准予许可决定书 " + h.reference);
                body.put("licenceNo", department.code() + "-LIC-" + h.n);
                break;
        }
        body.put("decidedBy", department.code() + " simulator");
        body.put("decidedAt", Instant.now().toString());
        h.decision = plan.decision();
        department.event("DECIDED", "caseNo", h.caseNo, "reference", h.reference, "decision", plan.decision(), "deliveryKey", key);
        URI uri;
        try {
            uri = h.callbackUrl == null ? null : URI.create(h.callbackUrl);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            r.callbacksAbandoned.incrementAndGet();
            r.pending.decrementAndGet();
            department.event("CALLBACK_ABANDONED", "caseNo", h.caseNo, "why", "no usable callbackUrl '" + h.callbackUrl + "'");
            return;
        }
        attempt(new Callback(r, h, key, uri, json.bytes(body), plan.duplicate() ? 2 : 1), 1, 1);
    }

    private void attempt(Callback cb, int copy, int attempt) {
        Run r = cb.run();
        if (r != live.get()) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(cb.uri()).timeout(CALLBACK_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(Signatures.IDEMPOTENCY_KEY, "decision-" + cb.deliveryKey())
                    .header(Signatures.TIMESTAMP, Long.toString(now))
                    .header(Signatures.SIGNATURE, Signatures.sign(department.secret(), now, cb.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(cb.body())).build();
        } catch (IllegalArgumentException e) {
            r.callbacksAbandoned.incrementAndGet();
            department.event("CALLBACK_ABANDONED", "caseNo", cb.held().caseNo, "why", EventLog.oneLine(e));
            finish(cb, copy);
            return;
        }
        r.callbacksSent.incrementAndGet();
        cb.held().callbacks.incrementAndGet();
        try {
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, failure) -> answered(cb, copy, attempt, response, failure));
        } catch (RuntimeException e) {
            answered(cb, copy, attempt, null, e);
        }
    }

    private void answered(Callback cb, int copy, int attempt, HttpResponse<String> response, Throwable failure) {
        Run r = cb.run();
        if (r != live.get()) {
            return;
        }
        String caseNo = cb.held().caseNo;
        if (failure != null) {
            r.callbackFailures.incrementAndGet();
            department.event("CALLBACK_FAILED", "caseNo", caseNo, "copy", copy, "attempt", attempt, "error",
                    EventLog.oneLine(rootCause(failure)));
            retry(cb, copy, attempt);
            return;
        }
        int status = response.statusCode();
        cb.held().callbackStatus = status;
        boolean ok = status >= 200 && status < 300;
        if (ok) {
            r.callbacksAccepted.incrementAndGet();
        } else {
            r.callbacksRefused.incrementAndGet();
        }
        department.event(ok ? "CALLBACK_ACCEPTED" : "CALLBACK_REFUSED", "caseNo", caseNo, "copy", copy, "attempt", attempt,
                "status", status, "code", ok ? null : errorCode(response.body()));
        if (ok || status == 409) {
            finish(cb, copy);
        } else {
            retry(cb, copy, attempt);
        }
    }

    private void retry(Callback cb, int copy, int attempt) {
        Run r = cb.run();
        int max = department.switches().callbackAttempts();
        if (attempt >= max) {
            r.callbacksAbandoned.incrementAndGet();
            department.event("CALLBACK_ABANDONED", "caseNo", cb.held().caseNo, "copy", copy, "attempts", attempt);
            finish(cb, copy);
            return;
        }
        long delay = department.switches().callbackBackoffMs() << Math.min(attempt - 1, 20);
        try {
            scheduler.schedule(() -> attempt(cb, copy, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException closing) {
            // the simulator is being closed
        }
    }

    /** One copy of a callback is over (done or abandoned): the next copy, or the decision is no longer pending. */
    private void finish(Callback cb, int copy) {
        if (copy < cb.copies()) {
            attempt(cb, copy + 1, 1);
        } else {
            cb.run().pending.decrementAndGet();
        }
    }

    private String errorCode(String body) {
        try {
            return Json.text(json.tree(body.getBytes(StandardCharsets.UTF_8)), "code");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
