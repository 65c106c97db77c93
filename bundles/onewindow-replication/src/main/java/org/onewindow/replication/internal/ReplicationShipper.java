package org.onewindow.replication.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.onewindow.audit.AuditTrail;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DiskGate;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.LinkStatusDTO;
import org.onewindow.replication.SigningKey;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.onewindow.problem.StorageFaults;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.PollPacing;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships this district's change journal to the city hub, oldest first, in signed batches, and takes
 * the hub's acknowledgement as the truth of what it has: after an outage, a crash on either side or
 * a repeated batch, shipping goes on from what the hub acknowledged. The journal is on disk, so a
 * backlog of any size waits there; a full batch is followed by the next at once, and failures back
 * off. Active on district nodes only. This component runs the cycle and answers for the link; the registration is
 * {@link HubRegistration}'s, a batch {@link JournalShipping}'s, what district IT and health are told {@link LinkReport}'s.
 */
@Component(immediate = true, configurationPid = ReplicationConfig.PID, service = {ReplicationShipper.class, StatusContributor.class})
@Designate(ocd = ReplicationConfig.class)
public class ReplicationShipper implements StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationShipper.class);
    /** The hub's refusal of a journal behind what it acknowledged (a data/ restored from an older copy). */
    static final String JOURNAL_REWOUND = "JOURNAL_REWOUND";
    static final String REWOUND = "REWOUND";
    static final String RECONCILED = "RECONCILED";

    @Reference(target = "(role~=district)")
    NodeService node;

    @Reference
    ChangeJournal journal;

    @Reference
    SchemaMigrations migrations;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    OutgoingTls tls;
    /** Shipped with the journal, in the same signed batches; also where registrations and key changes are recorded. */
    @Reference
    AuditTrail trail;

    /** The capabilities that put back what the hub holds after a restore (intake's cases, the licence library, ...). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<JournalRestore> restorers;

    private ReplicationConfig config;
    private HubLink link;
    private LinkKeys keys;
    private HubClient hub;
    private Reconciliation reconciliation;
    private HubRegistration registration;
    private JournalShipping shipping;
    private LinkReport report;
    private Backoff backoff;
    private PollPacing pacing;
    private ScheduledExecutorService timer;
    /** Failed calls to the hub in a row (read by health outside the cycle's lock). */
    private final AtomicInteger failures = new AtomicInteger();

    @Activate
    void activate(BundleContext context, ReplicationConfig config) {
        migrations.migrate("replication", context.getBundle(), "db/migration/replication");
        this.config = config;
        link = new HubLink(dataSource);
        hub = new HubClient(config.connectTimeoutMillis(), config.receiveTimeoutMillis(), tls, this::pinOf, config.allowHttp());
        keys = new LinkKeys(DistrictKeyStore.inKarafData(), link, hub, config::signatureAlgorithm, trail);
        backoff = new Backoff(config.backoffBaseMillis(), config.backoffMaxMillis(), Math::random);
        reconciliation = new Reconciliation(journal, link, hub, dataSource, () -> restorers == null ? List.of() : restorers,
                config.reconciliationPageSize());
        HubLink.Row row = link.read();
        // new cases wait at each start until the hub has checked this journal (see ChangeJournal#hold)
        journal.federated(row != null && (row.state == DistrictState.APPROVED || row.state == DistrictState.SUSPENDED) ? config.hubCheckSeconds() : -1);
        if (row != null && row.restore != null && !RECONCILED.equals(row.restore.state())) {
            journal.rewound("the hub found this journal rewound at " + row.restore.detectedAt());
        }
        pacing = new PollPacing(config.pollMillis(), config.idlePollMaxMillis(), backoff, Math::random);
        registration = new HubRegistration(link, keys, hub, tls, trail, journal, node::info, config, failures, this, this::wake);
        shipping = new JournalShipping(journal, trail, link, keys, hub, () -> node.info().version, pacing, failures, config.batchSize(),
                config.heartbeatSeconds(), config.journalRetentionDays());
        report = new LinkReport(journal, trail, link, reconciliation, failures, shipping::auditBreak);
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-replication"));
        timer.schedule(this::run, 0, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Registers this district with the hub at {@code hubUrl}, with a key pair of its own (made now if it has
     * none, or if its last registration was revoked); the request is signed with it. A city administrator
     * compares the key's fingerprint with what this node shows and approves it there; this node then ships by
     * itself. If the code is taken at the hub (this appliance was reinstalled), the hub keeps the key as a
     * candidate: the link waits with that error until a security administrator there makes it the district's key.
     */
    public LinkStatusDTO register(String hubUrl, Actor actor) {
        return register(hubUrl, null, null, actor);
    }

    /**
     * The same, with the one-time enrolment code a city administrator issued for this district, where the hub asks for
     * one, and, over HTTPS, the SHA-256 fingerprint of the hub's certificate district IT confirmed: without it the
     * answer is {@code HUB_CERTIFICATE_UNCONFIRMED} naming the fingerprint the hub presents now, to compare with the
     * city's (trust on first use, as SSH's known hosts); the certificate confirmed is pinned, and nothing else is
     * trusted as the hub until district IT pins another ({@link #pinHub}).
     */
    public LinkStatusDTO register(String hubUrl, String enrolmentCode, String confirmedFingerprint, Actor actor) {
        registration.register(hubUrl, enrolmentCode, confirmedFingerprint, actor);
        return link();
    }

    /**
     * District IT pins another certificate of the hub (renewed there), naming its fingerprint: taken only if the hub
     * presents exactly that certificate now. The only way the pin changes after registration.
     */
    public LinkStatusDTO pinHub(String confirmedFingerprint, Actor actor) {
        registration.pinHub(confirmedFingerprint, actor);
        return link();
    }

    /** A shipping cycle now (after a registration or a new pin). */
    private void wake() {
        timer.schedule(this::run, 0, TimeUnit.MILLISECONDS);
    }

    /** The pinned fingerprint of the hub at {@code url}, or null. */
    private String pinOf(String url) {
        HubLink.Row row = link.read();
        return row != null && row.hubUrl.equals(url) ? row.hubCertificate : null;
    }

    /** Where and how this district calls the hub once approved; null before (or while it has no key of its own). */
    Federated federated() {
        HubLink.Row row = link.read();
        if (row == null || row.state != DistrictState.APPROVED || row.legacy() || row.publicKey == null) {
            return null;
        }
        return new Federated(row.hubUrl, keys.of(row));
    }

    /** An approved district's hub and the key it signs with. */
    record Federated(String hubUrl, SigningKey key) {
    }

    /** The link to the hub, or null before registration. */
    HubLink.Row linkRow() {
        return link.read();
    }

    HubClient hubClient() {
        return hub;
    }

    public String districtCode() {
        return node.info().districtCode;
    }

    public LinkStatusDTO link() {
        return report.link();
    }

    @Override
    public String capability() {
        return "replication";
    }

    @Override
    public Map<String, Object> status() {
        return report.status();
    }

    @Override
    public List<HealthReason> healthReasons() {
        return report.healthReasons();
    }

    private void run() {
        long delay;
        try {
            DiskGate.check();
            delay = cycle();
        } catch (RuntimeException e) {
            if (StorageFaults.isStorageFault(e)) {
                // district IT's to fix (the disk), not a bug: one line, and a longer wait than the hub's backoff
                delay = pacing.failed(e);
                LOG.warn("Replication waits {} s: the database cannot be written ({})", delay / 1000, e.toString());
            } else {
                LOG.error("Replication cycle failed", e);
                delay = backoff.delayMillis(failures.incrementAndGet());
            }
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::run, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** One step; answers how long to wait before the next. */
    synchronized long cycle() {
        HubLink.Row row = link.read();
        if (row == null || row.state == DistrictState.REVOKED) {
            return pacing.idle(); // a registration looks at once
        }
        try {
            if (row.legacy()) {
                keys.rollover(row);
                failures.set(0);
                return 0;
            }
            if (row.state == DistrictState.PENDING) {
                return registration.awaitApproval(row);
            }
            if (row.restore != null && REWOUND.equals(row.restore.state())) {
                return reconcile(row);
            }
            if (row.restore != null && !RECONCILED.equals(row.restore.state())) {
                return config.pollMillis() * 50; // stopped on a conflict: district IT decides (docs/operations.md)
            }
            return shipping.ship(row);
        } catch (HubFailure e) {
            int failed = failures.incrementAndGet();
            link.failed(e.getMessage());
            if (JOURNAL_REWOUND.equals(e.code) && (row.restore == null || RECONCILED.equals(row.restore.state()))) {
                // restored from an older copy: no case until this district has taken back what the hub holds of it
                journal.rewound(e.getMessage());
                link.rewound(e.getMessage(), Instant.now());
                LOG.error("The city hub refuses this district's journal as rewound (restored from an older copy?): {}. Taking back its records"
                        + " from the hub; no case is taken in meanwhile (docs/operations.md, \"Restoring a district\")", e.getMessage());
                failures.set(0);
                return 0;
            }
            if (row.restore != null && REWOUND.equals(row.restore.state())) {
                link.restoreError(e.getMessage());
            }
            if ("DISTRICT_REVOKED".equals(e.code)) {
                link.state(DistrictState.REVOKED, e.getMessage());
                journal.federated(-1);
                LOG.warn("The hub revoked district {}: nothing more is shipped until it registers again", row.district);
            } else if ("DISTRICT_SUSPENDED".equals(e.code)) {
                link.state(DistrictState.SUSPENDED, e.getMessage());
            }
            if (failed == 1 || failed % 20 == 0) {
                LOG.warn("Replication to {} failed ({} in a row): {}", row.hubUrl, failed, e.getMessage());
            }
            return backoff.delayMillis(failed);
        }
    }

    /** Takes back what the hub holds of this rewound district, then rebases; a failure is kept for district IT to see. */
    private long reconcile(HubLink.Row row) throws HubFailure {
        try {
            if (reconciliation.run(row, keys.of(row))) {
                failures.set(0);
                return 0;
            }
            return Math.max(config.pollMillis(), 2000);
        } catch (RuntimeException e) {
            link.restoreError(e.toString());
            throw e;
        }
    }
}
