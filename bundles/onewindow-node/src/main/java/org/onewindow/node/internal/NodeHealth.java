package org.onewindow.node.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.karaf.features.BootFinished;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.Storage;
import org.onewindow.db.StorageState;
import org.onewindow.node.Health;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.rest.RestPublisher;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's health, from what it sees now: Karaf's boot finished, the capability bundles installed and what their
 * manifests declare ({@link DeclaredCapability}), the schemas migrated and the endpoints published since the start, the
 * database and the disk ({@link Storage}), and each capability's own reasons. Everything it looks at is optional, so
 * that health answers from the first moment Pax Web serves, whatever else failed to start. It looks by itself every
 * second until the node first serves (and logs how long that took), then every minute (every 10 s while it is not UP),
 * so that the log shows every change of status even where no monitor asks, and the disk's state is looked at.
 */
@Component(service = {NodeHealth.class, Health.class}, immediate = true)
public class NodeHealth implements Health {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHealth.class);

    @Reference
    NodeService node;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile BootFinished boot;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile SchemaMigrations migrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RestPublisher publisher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Storage storage;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<StatusContributor> contributors = new CopyOnWriteArrayList<>();

    private BundleContext context;
    /** Declarations by bundle id and last modification: a bundle's headers are read once per version of it. */
    private final Map<Long, Map.Entry<Long, Optional<DeclaredCapability>>> declarations = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private volatile String lastStatus;
    private volatile Set<String> lastReasons = Set.of();
    private volatile Double readyAfterSeconds;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "onewindow-health");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(this::watch, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    /** Every second until the node first serves, then every 10 s while it is not UP (a full disk freed is seen soon), else every minute. */
    private void watch() {
        String status = null;
        try {
            status = check().status;
        } catch (RuntimeException e) {
            LOG.warn("Health check failed: {}", e.toString());
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::watch, readyAfterSeconds == null ? 1 : HealthCheck.UP.equals(status) ? 60 : 10, TimeUnit.SECONDS);
        }
    }

    @Override
    public Health.Status now() {
        HealthReport report = check();
        return new Health.Status(report.status, List.copyOf(report.reasons));
    }

    /** The health as of now; every change of status or reasons is logged once. */
    public HealthReport check() {
        StorageState disk = null;
        Storage s = storage;
        if (s != null) {
            disk = s.state();
        }
        List<HealthReason> reasons = new ArrayList<>();
        for (StatusContributor c : contributors) {
            try {
                reasons.addAll(c.healthReasons());
            } catch (RuntimeException e) {
                LOG.debug("{} could not say its health: {}", c.capability(), e.toString());
            }
        }
        SchemaMigrations m = migrations;
        RestPublisher p = publisher;
        HealthReport report = HealthCheck.evaluate(node.info(), boot != null, installed(), m == null ? Set.of() : m.migrated(),
                p == null ? Set.of() : p.addresses(), disk, reasons);
        if (report.serving && readyAfterSeconds == null) {
            readyAfterSeconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
            LOG.info("OneWindow is ready ({}): every capability up {} s after the start of the JVM", report.status, String.format("%.1f", readyAfterSeconds));
        }
        report.readyAfterSeconds = readyAfterSeconds;
        logChange(report);
        return report;
    }

    private void logChange(HealthReport report) {
        Set<String> codes = report.reasons.stream().map(HealthReason::code).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (report.status.equals(lastStatus) && codes.equals(lastReasons)) {
            return;
        }
        lastStatus = report.status;
        lastReasons = codes;
        if (report.reasons.isEmpty()) {
            LOG.info("Health {}", report.status);
        } else {
            LOG.warn("Health {}: {}", report.status, report.reasons.stream().map(r -> r.code() + " (" + r.message() + ")")
                    .collect(Collectors.joining("; ")));
        }
    }

    private List<HealthCheck.Installed> installed() {
        List<HealthCheck.Installed> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            DeclaredCapability declared = declaration(b);
            if (declared != null && b.getState() != Bundle.UNINSTALLED) {
                out.add(new HealthCheck.Installed(declared, b.getState()));
            }
        }
        return out;
    }

    private DeclaredCapability declaration(Bundle b) {
        Map.Entry<Long, Optional<DeclaredCapability>> known = declarations.get(b.getBundleId());
        if (known == null || known.getKey() != b.getLastModified()) {
            // raw headers, not localized: read once per installed version of the bundle
            known = Map.entry(b.getLastModified(), Optional.ofNullable(DeclaredCapability.of(b.getBundleId(), b.getHeaders(""))));
            declarations.put(b.getBundleId(), known);
        }
        return known.getValue().orElse(null);
    }
}
