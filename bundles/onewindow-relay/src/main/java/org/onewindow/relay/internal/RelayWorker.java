package org.onewindow.relay.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.onewindow.db.DiskGate;
import org.onewindow.problem.StorageFaults;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.PollPacing;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CityHandovers;
import org.onewindow.intake.HandoverDTO;
import org.onewindow.intake.HandoverOutbox;
import org.onewindow.intake.HandoverPage;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.Route;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.relay.internal.DepartmentClient.DeliveryFailure;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.onewindow.tls.OutgoingTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes handovers from the outbox and brings each to its department: into this appliance's back
 * office, or signed over HTTP to the department's system. A failed delivery is tried again later with
 * the same key, so a department that got it already answers as before instead of taking it twice.
 */
@Component(immediate = true, configurationPid = RelayConfig.PID, service = {RelayWorker.class, StatusContributor.class})
@Designate(ocd = RelayConfig.class)
public class RelayWorker implements StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(RelayWorker.class);
    private static final Actor RELAY = Actor.system("relay");

    @Reference
    HandoverOutbox outbox;

    @Reference
    IntakeService intake;

    @Reference
    Departments departments;

    @Reference
    NodeService node;

    @Reference
    OutgoingTls tls;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Attachments attachments;

    /** Cross-district handling (全市通办), when installed: how cases of departments routed {@code city} leave. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CityHandovers city;

    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Departments whose system failed lately: their first success brings their backlog forward. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean backlog = new AtomicBoolean();
    /** A delivery met a full disk or a read-only database: the poller waits before it looks again. */
    private final AtomicReference<RuntimeException> storageFault = new AtomicReference<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastError = "none";
    private RelayConfig config;
    private Backoff backoff;
    private PollPacing pacing;
    private ScheduledExecutorService poller;
    private ExecutorService deliverers;

    @Activate
    void activate(RelayConfig config) {
        this.config = config;
        backoff = new Backoff(config.backoffBaseMillis(), config.backoffMaxMillis(), () -> ThreadLocalRandom.current().nextDouble());
        deliverers = Executors.newFixedThreadPool(Math.max(1, config.threads()), named("onewindow-relay-delivery"));
        pacing = new PollPacing(Math.max(50, config.pollMillis()), config.idlePollMaxMillis(), new Backoff(1000, 30_000, Math::random), Math::random);
        poller = Executors.newSingleThreadScheduledExecutor(named("onewindow-relay-poller"));
        poller.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
        LOG.info("Relay started: {} delivery threads, routes {}", config.threads(), departments.all().values());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        poller.shutdownNow();
        deliverers.shutdown();
        if (!deliverers.awaitTermination(30, TimeUnit.SECONDS)) {
            // whatever is cut off stays pending in the outbox and goes again, with the same key
            deliverers.shutdownNow();
        }
        LOG.info("Relay stopped; {} handovers were in flight", inFlight.size());
    }

    /** Polls, then comes back after the pacing's wait: the interval while there is work, longer while the outbox is empty or the database fails. */
    private void loop() {
        RuntimeException fault = storageFault.getAndSet(null);
        long delay;
        if (fault != null) {
            delay = pacing.failed(fault);
            LOG.warn("Relay waits {} s: the database cannot be written ({})", delay / 1000, fault.toString());
        } else {
            delay = poll();
        }
        try {
            poller.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // deactivated
        }
    }

    /** Takes as many due handovers as there are free places; comes back at once while a backlog lasts. Answers how long to wait. */
    long poll() {
        if (storageFault.get() != null) {
            return pacing.worked(); // a delivery just met a full disk: the loop waits, not this look
        }
        try {
            DiskGate.check();
            int room = 2 * Math.max(1, config.threads()) - inFlight.size();
            if (room <= 0) {
                return pacing.worked();
            }
            int limit = Math.min(room, config.batchSize()) + inFlight.size();
            List<HandoverDTO> due = outbox.due(Instant.now(), limit);
            int taken = 0;
            for (HandoverDTO h : due) {
                if (taken < room && inFlight.add(h.id)) {
                    taken++;
                    deliverers.execute(() -> deliver(h));
                }
            }
            backlog.set(due.size() == limit);
            return taken > 0 || !inFlight.isEmpty() ? pacing.worked() : pacing.idle();
        } catch (RuntimeException e) {
            long wait = pacing.failed(e);
            if (pacing.failures() == 1 || pacing.failures() % 10 == 0) {
                LOG.warn("Relay could not read the outbox ({} in a row, next look in {} ms): {}", pacing.failures(), wait, e.toString());
            }
            return wait;
        }
    }

    void deliver(HandoverDTO h) {
        if (storageFault.get() != null) {
            inFlight.remove(h.id); // the database cannot be written: leave it due, the poller waits first
            return;
        }
        try {
            DepartmentRoute route = departments.get(h.departmentCode);
            if (route == null) {
                failed(h, "部门 " + h.departmentCode + " 未配置流转路由（etc/org.onewindow.relay.department-"
                        + h.departmentCode + ".cfg）", false);
            } else if (route.mode == Route.LOCAL) {
                outbox.handedOver(h.id, Route.LOCAL, null);
                delivered.incrementAndGet();
            } else if (route.mode == Route.CITY) {
                CityHandovers city = this.city;
                if (city == null) {
                    failed(h, "部门 " + h.departmentCode + " 经市级枢纽转 " + route.district + " 审批，但全市通办（onewindow-crossdistrict）未安装", false);
                    return;
                }
                outbox.handedOver(h.id, Route.CITY, city.send(h, route.district));
                delivered.incrementAndGet();
            } else {
                String reference = sendRemote(h, route);
                outbox.handedOver(h.id, Route.REMOTE, reference);
                delivered.incrementAndGet();
                if (failing.remove(route.code)) {
                    LOG.info("Department {} answers again: {} waiting handovers brought forward", route.code,
                            outbox.expedite(route.code));
                }
            }
        } catch (DeliveryFailure e) {
            failed(h, e.getMessage(), e.permanent);
        } catch (Problem e) {
            // a case that is gone or unreadable will not come back by waiting; a hub refusing it outright neither
            failed(h, e.code() + ": " + e.getMessage(), e.kind() == ProblemKind.NOT_FOUND || e.kind() == ProblemKind.BAD_REQUEST);
        } catch (RuntimeException e) {
            if (StorageFaults.isStorageFault(e)) {
                // nothing was recorded and recording the failure would fail the same way: it stays due
                storageFault.compareAndSet(null, e);
            } else {
                failed(h, e.toString(), false);
            }
        } finally {
            inFlight.remove(h.id);
            if (backlog.get() && storageFault.get() == null && !poller.isShutdown()) {
                poller.execute(this::poll);
            }
        }
    }

    private String sendRemote(HandoverDTO h, DepartmentRoute route) throws DeliveryFailure {
        CaseDTO c = intake.get(h.caseNo, RELAY);
        List<DeliveryPayload.File> files = files(c.caseNo);
        String callback = config.callbackBaseUrl().replaceAll("/+$", "") + "/v1/relay/callback/" + route.code;
        byte[] body = DeliveryPayload.build(h, c, files, callback, node.info().districtCode);
        String reference = DepartmentClient.deliver(route, tls, h.deliveryKey, body, Instant.now().getEpochSecond());
        LOG.info("Case {} (applicant {}) delivered to {} as {}", c.caseNo, IdNumbers.mask(c.applicant.idNumber), route.url, reference);
        return reference;
    }

    private List<DeliveryPayload.File> files(String caseNo) throws DeliveryFailure {
        Attachments attachments = this.attachments;
        return attachments == null ? List.of() : attachments.of(caseNo, config.maxFilesBytes());
    }

    private void failed(HandoverDTO h, String error, boolean permanent) {
        failures.incrementAndGet();
        if (!permanent) {
            failing.add(h.departmentCode);
        }
        lastError = h.caseNo + ": " + error;
        int attempt = h.attempts + 1;
        Instant next = permanent || attempt >= config.maxAttempts() ? null
                : Instant.now().plusMillis(backoff.delayMillis(attempt));
        try {
            outbox.failed(h.id, error, next);
        } catch (RuntimeException e) {
            if (StorageFaults.isStorageFault(e)) {
                storageFault.compareAndSet(null, e);
            }
            LOG.warn("Relay could not record the failure of handover {}: {}", h.id, e.toString());
        }
        LOG.info("Handover of case {} to {} failed (attempt {}){}: {}", h.caseNo, h.departmentCode, attempt,
                next == null ? ", now dead" : ", next at " + next, error);
    }

    @Override
    public String capability() {
        return "relay (流转)";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, DepartmentRoute> routes = departments.all();
        out.put("local departments", codes(routes, Route.LOCAL));
        out.put("remote departments", codes(routes, Route.REMOTE));
        out.put("departments of other districts", codes(routes, Route.CITY));
        HandoverPage page = outbox.list(null, 1, 1, RELAY);
        out.put("outbox", page.counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        out.put("in flight", inFlight.size());
        out.put("delivered since start", delivered.get());
        out.put("failures since start", failures.get());
        out.put("last failure", lastError);
        return out;
    }

    /** A department whose system failed its last handover: the node is DEGRADED until it takes one again. */
    @Override
    public List<HealthReason> healthReasons() {
        if (failing.isEmpty()) {
            return List.of();
        }
        String codes = failing.stream().sorted().collect(Collectors.joining("、"));
        return List.of(new HealthReason("DEPARTMENT_FAILING", "部门 " + codes + " 的审批系统最近一次交接失败，办件在流转箱中等待重试（onewindow:relay-status；最近的错误："
                + lastError + "）"));
    }

    private static String codes(Map<String, DepartmentRoute> routes, Route mode) {
        String codes = routes.values().stream().filter(r -> r.mode == mode).map(r -> r.code).collect(Collectors.joining(" "));
        return codes.isEmpty() ? "none" : codes;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
