package org.onewindow.replication.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.TrailHead;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalHold;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.node.HealthReason;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.LinkStatusDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RecordDigests;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.replication.SigningKey;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.onewindow.problem.StorageFaults;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.Json;
import org.onewindow.rest.PollPacing;
import org.onewindow.tls.CertificateFingerprints;
import org.onewindow.tls.OutgoingTls;
import org.onewindow.tls.PeerCertificate;
import org.onewindow.tls.TlsFailures;
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
 * off. Active on district nodes only.
 */
@Component(immediate = true, configurationPid = ReplicationConfig.PID, service = {ReplicationShipper.class, StatusContributor.class})
@Designate(ocd = ReplicationConfig.class)
public class ReplicationShipper implements StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationShipper.class);
    /** How often a candidate key asks after its registration. */
    private static final long CANDIDATE_POLL_MILLIS = 10_000;
    static final String REGISTERED = "HUB_REGISTERED";
    /** District IT pinned another certificate of the hub. */
    static final String HUB_PINNED = "HUB_CERTIFICATE_PINNED";
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
    private Backoff backoff;
    private PollPacing pacing;
    private ScheduledExecutorService timer;
    /** Failed calls to the hub in a row (read by health outside the cycle's lock). */
    private volatile int failures;
    private Instant lastSent = Instant.EPOCH;
    private Instant lastPruned = Instant.EPOCH;
    /** The hub answered with the audit trail it holds: it keeps trails, and this node's goes with every batch. */
    private volatile boolean hubTakesTrail;
    /** Where the hub last said this node's audit chain breaks, null while it holds. */
    private volatile ChainBreak auditBreak;

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
        String url = HubUrls.check(hubUrl);
        String pin = confirmHub(url, confirmedFingerprint);
        NodeInfo info = node.info();
        HubLink.Row old = link.read();
        if (old != null && old.legacy() && old.state != DistrictState.REVOKED && old.hubUrl.equals(url)) {
            // registered before key pairs with this hub: it knows the district; the link moves to its own key instead
            synchronized (this) {
                try {
                    keys.rollover(old);
                } catch (HubFailure e) {
                    throw new Problem(e.status == 0 ? ProblemKind.UNAVAILABLE : ProblemKind.CONFLICT, e.status == 0 ? "HUB_UNREACHABLE" : e.code,
                            "市级枢纽未接受换钥：" + e.getMessage());
                }
            }
            return link();
        }
        SigningKey own = keys.forRegistration(info.districtCode, old);
        RegistrationDTO registration = new RegistrationDTO();
        registration.district = info.districtCode;
        registration.name = info.districtName;
        registration.version = info.version;
        registration.algorithm = own.algorithm().name();
        registration.publicKey = own.publicKeyBase64();
        registration.enrolmentCode = enrolmentCode == null || enrolmentCode.isBlank() ? null : enrolmentCode.strip();
        DistrictState state;
        String error = null;
        try {
            state = hub.register(url, pin, own, registration, Instant.now()).state;
        } catch (HubFailure e) {
            if (e.status != 409 || !"DISTRICT_EXISTS".equals(e.code)) {
                throw new Problem(e.status == 0 ? ProblemKind.UNAVAILABLE : ProblemKind.CONFLICT, e.status == 0 ? "HUB_UNREACHABLE" : e.code,
                        "市级枢纽未接受注册：" + e.getMessage());
            }
            // the hub kept this key as a candidate: wait, asking after it, until a security administrator there takes it
            state = DistrictState.PENDING;
            error = "DISTRICT_EXISTS: " + e.getMessage();
        }
        synchronized (this) {
            link.register(url, pin, own, state == null ? DistrictState.PENDING : state, error, Instant.now());
            keys.registered(own);
        }
        LOG.info("District {} registered with hub {} (key {}): {}{}", info.districtCode, url, own.fingerprint(), state,
                error == null ? "" : ", the code is taken there: " + error);
        trail.record(AuditEvent.of(REGISTERED, actor).on("DISTRICT", info.districtCode).detail("hub " + url + ", key " + own.algorithm().name() + " "
                + own.fingerprint() + ": " + state + (error == null ? "" : " (" + error + ")")));
        timer.schedule(this::run, 0, TimeUnit.MILLISECONDS);
        return link();
    }

    /**
     * The fingerprint to pin for the hub at {@code url}: over HTTPS, the certificate it presents now, if it is the one
     * confirmed; over plain HTTP, null, where allowed (a test, the demo).
     */
    private String confirmHub(String url, String confirmed) {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme())) {
            try {
                tls.checkScheme("the city hub", uri, config.allowHttp());
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(TlsFailures.INSECURE_URL, "市级枢纽须使用 https:// 地址（明文 HTTP 仅限测试或演示）：" + url);
            }
            return null;
        }
        PeerCertificate presented;
        try {
            presented = tls.peerCertificate(uri);
        } catch (IOException e) {
            throw new Problem(ProblemKind.UNAVAILABLE, "HUB_UNREACHABLE", "市级枢纽无法连接，未能读取其证书：" + e.getMessage());
        }
        List<ProblemDetail> details = List.of(new ProblemDetail("hub", "fingerprint", presented.fingerprint()),
                new ProblemDetail("hub", "subject", presented.subject()), new ProblemDetail("hub", "issuer", presented.issuer()),
                new ProblemDetail("hub", "notAfter", presented.notAfter()));
        if (confirmed == null || confirmed.isBlank()) {
            throw new Problem(ProblemKind.CONFLICT, "HUB_CERTIFICATE_UNCONFIRMED", "请与市级管理员核对枢纽证书的 SHA-256 指纹 " + presented.fingerprint()
                    + "，核对一致后带上该指纹再次注册", details);
        }
        String typed;
        try {
            typed = CertificateFingerprints.normalize(confirmed);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("INVALID_FINGERPRINT", "证书指纹应为 64 位十六进制（SHA-256）：" + confirmed);
        }
        if (!typed.equals(presented.fingerprint())) {
            LOG.warn("Hub {} presents certificate {}, not {} as confirmed: registration refused", url, presented.fingerprint(), typed);
            throw new Problem(ProblemKind.CONFLICT, "HUB_CERTIFICATE_MISMATCH", "枢纽当前出示的证书指纹 " + presented.fingerprint()
                    + " 与确认的指纹不符：请勿注册，先与市级管理员核实", details);
        }
        return typed;
    }

    /**
     * District IT pins another certificate of the hub (renewed there), naming its fingerprint: taken only if the hub
     * presents exactly that certificate now. The only way the pin changes after registration.
     */
    public LinkStatusDTO pinHub(String confirmedFingerprint, Actor actor) {
        HubLink.Row row = link.read();
        if (row == null) {
            throw Problem.notFound("NOT_REGISTERED", "本区尚未向市级枢纽注册");
        }
        String pin = confirmHub(row.hubUrl, confirmedFingerprint);
        synchronized (this) {
            link.pinHub(pin);
        }
        LOG.warn("The hub {}'s certificate is pinned anew: {} (was {})", row.hubUrl, pin, row.hubCertificate);
        trail.record(AuditEvent.of(HUB_PINNED, actor).on("DISTRICT", row.district).detail("hub " + row.hubUrl + ", certificate " + pin
                + " (was " + row.hubCertificate + ")"));
        timer.schedule(this::run, 0, TimeUnit.MILLISECONDS);
        return link();
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
        LinkStatusDTO s = new LinkStatusDTO();
        s.journalLastSeq = journal.lastSeq();
        HubLink.Row row = link.read();
        if (row != null) {
            s.hubUrl = row.hubUrl;
            s.state = row.state;
            s.registeredAt = row.registeredAt.toString();
            s.keyAlgorithm = row.keyAlgorithm;
            s.fingerprint = row.publicKey == null ? null : KeyFingerprints.grouped(KeyFingerprints.of(Base64.getDecoder().decode(row.publicKey)));
            s.acked = row.acked;
            s.lastShippedAt = row.lastShippedAt == null ? null : row.lastShippedAt.toString();
            s.lastError = row.lastError;
            s.hubCertificate = row.hubCertificate;
        }
        s.backlog = Math.max(0, s.journalLastSeq - s.acked);
        JournalHold hold = journal.hold();
        if (hold != null) {
            s.intakeHold = hold.code();
            s.intakeHoldMessage = hold.message();
        }
        if (row != null && row.restore != null) {
            s.restore = reconciliation.status(row.restore);
        }
        TrailHead head = trail.head();
        s.auditShipped = head.shippedSeq();
        s.auditBacklog = Math.max(0, head.lastSeq() - head.shippedSeq());
        ChainBreak broken = auditBreak;
        s.auditBreak = broken == null ? null : broken.toString();
        return s;
    }

    @Override
    public String capability() {
        return "replication";
    }

    @Override
    public Map<String, Object> status() {
        LinkStatusDTO s = link();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hub", s.hubUrl == null ? "(not registered: onewindow:hub-register <hubUrl>)" : s.hubUrl);
        out.put("link", s.state == null ? "-" : s.state);
        if (s.fingerprint != null) {
            // what district IT reads out to the city administrator, who compares it before approving
            out.put("key", s.keyAlgorithm);
            out.put("key fingerprint", s.fingerprint);
        }
        if (s.hubUrl != null) {
            out.put("hub certificate", s.hubCertificate != null ? "pinned SHA-256 " + s.hubCertificate
                    : s.hubUrl.startsWith("https:") ? "trust store" : "NONE: plain HTTP, unverified (a test or the demo only)");
        }
        out.put("journal", s.journalLastSeq);
        out.put("acknowledged by hub", s.acked);
        out.put("backlog", s.backlog);
        out.put("audit trail at the hub", "up to #" + s.auditShipped + " (" + s.auditBacklog + " to send)");
        if (s.auditBreak != null) {
            out.put("AUDIT CHAIN REFUSED", s.auditBreak + " (onewindow:audit-verify; docs/operations.md)");
        }
        if (s.intakeHold != null) {
            out.put("INTAKE HELD", s.intakeHold + ": " + s.intakeHoldMessage);
        }
        if (s.restore != null) {
            Reconciliation.describe(s.restore, out);
        }
        if (s.lastError != null) {
            out.put("last error", s.lastError);
        }
        return out;
    }

    /**
     * The link to the hub failing (three calls in a row, or the hub suspended or revoked this district) or the hub refusing
     * the audit trail: the node is DEGRADED until it works again. A district not registered, or waiting for approval, is not.
     */
    @Override
    public List<HealthReason> healthReasons() {
        HubLink.Row row = link.read();
        List<HealthReason> out = new java.util.ArrayList<>();
        if (row != null && (row.state == DistrictState.SUSPENDED || row.state == DistrictState.REVOKED)) {
            out.add(new HealthReason("HUB_LINK_FAILING", "市级枢纽已" + (row.state == DistrictState.SUSPENDED ? "暂停" : "注销") + "本区，数据不再上报："
                    + row.lastError + "（onewindow:replication-status）"));
        } else if (row != null && row.state == DistrictState.APPROVED && failures >= 3) {
            out.add(new HealthReason("HUB_LINK_FAILING", "连续 " + failures + " 次无法向市级枢纽上报，积压的记录在本机等待：" + row.lastError
                    + "（onewindow:replication-status）"));
        }
        if (auditBreak != null) {
            out.add(new HealthReason("AUDIT_CHAIN_REFUSED", "市级枢纽拒收本区审计日志：" + auditBreak + "（onewindow:audit-verify）"));
        }
        return out;
    }

    private void run() {
        long delay;
        try {
            delay = cycle();
        } catch (RuntimeException e) {
            if (StorageFaults.isStorageFault(e)) {
                // district IT's to fix (the disk), not a bug: one line, and a longer wait than the hub's backoff
                delay = pacing.failed(e);
                LOG.warn("Replication waits {} s: the database cannot be written ({})", delay / 1000, e.toString());
            } else {
                LOG.error("Replication cycle failed", e);
                delay = backoff.delayMillis(++failures);
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
                failures = 0;
                return 0;
            }
            if (row.state == DistrictState.PENDING) {
                return awaitApproval(row);
            }
            if (row.restore != null && REWOUND.equals(row.restore.state())) {
                return reconcile(row);
            }
            if (row.restore != null && !RECONCILED.equals(row.restore.state())) {
                return config.pollMillis() * 50; // stopped on a conflict: district IT decides (docs/operations.md)
            }
            return ship(row);
        } catch (HubFailure e) {
            failures++;
            link.failed(e.getMessage());
            if (JOURNAL_REWOUND.equals(e.code) && (row.restore == null || RECONCILED.equals(row.restore.state()))) {
                // restored from an older copy: no case until this district has taken back what the hub holds of it
                journal.rewound(e.getMessage());
                link.rewound(e.getMessage(), Instant.now());
                LOG.error("The city hub refuses this district's journal as rewound (restored from an older copy?): {}. Taking back its records"
                        + " from the hub; no case is taken in meanwhile (docs/operations.md, \"Restoring a district\")", e.getMessage());
                failures = 0;
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
            if (failures == 1 || failures % 20 == 0) {
                LOG.warn("Replication to {} failed ({} in a row): {}", row.hubUrl, failures, e.getMessage());
            }
            return backoff.delayMillis(failures);
        }
    }

    private long awaitApproval(HubLink.Row row) throws HubFailure {
        RegistrationStateDTO state;
        try {
            state = hub.state(row.hubUrl, keys.of(row), Instant.now());
        } catch (HubFailure e) {
            if (!"KEY_NOT_REGISTERED".equals(e.code)) {
                throw e;
            }
            // a candidate at the hub: nothing is wrong here, the security administrator there decides
            failures = 0;
            link.failed("KEY_NOT_REGISTERED: " + e.getMessage());
            return CANDIDATE_POLL_MILLIS;
        }
        failures = 0;
        if (state.state == DistrictState.APPROVED) {
            link.state(DistrictState.APPROVED, null);
            journal.federated(config.hubCheckSeconds());
            LOG.info("The hub approved district {} (key {}): shipping the journal from #{}", row.district, state.fingerprint, row.acked + 1);
            return 0;
        }
        if (state.state != DistrictState.PENDING) {
            link.state(state.state, state.state == DistrictState.REVOKED ? "registration refused by the hub" : null);
        } else if (row.lastError != null) {
            link.state(DistrictState.PENDING, null);
        }
        return Math.max(config.pollMillis(), 2000);
    }

    /** Takes back what the hub holds of this rewound district, then rebases; a failure is kept for district IT to see. */
    private long reconcile(HubLink.Row row) throws HubFailure {
        try {
            if (reconciliation.run(row, keys.of(row))) {
                failures = 0;
                return 0;
            }
            return Math.max(config.pollMillis(), 2000);
        } catch (RuntimeException e) {
            link.restoreError(e.toString());
            throw e;
        }
    }

    private long ship(HubLink.Row row) throws HubFailure {
        List<JournalEntry> entries = journal.after(row.acked, Math.max(1, config.batchSize()));
        // the audit trail after what the hub holds goes along, once the hub has said it keeps trails
        long auditAfter = trail.head().shippedSeq();
        List<AuditRecord> audit = hubTakesTrail ? trail.after(auditAfter, Math.max(1, config.batchSize())) : List.of();
        Instant now = Instant.now();
        if (!entries.isEmpty() && entries.get(0).seq > row.acked + 1) {
            // the hub lost what it had acknowledged (restored from a backup older than journalRetentionDays)
            throw new HubFailure(409, "JOURNAL_PRUNED", "the hub needs records from #" + (row.acked + 1)
                    + " that this journal deleted after journalRetentionDays; they cannot be sent again (see docs/operations.md)");
        }
        if (entries.isEmpty() && audit.isEmpty() && now.isBefore(lastSent.plusSeconds(config.heartbeatSeconds()))) {
            return pacing.idle();
        }
        String afterDigest = row.ackedDigest != null || row.acked == 0 ? row.ackedDigest : digestAt(row.acked, List.of());
        AckDTO ack = hub.ship(row.hubUrl, keys.of(row), batch(row.district, row.acked, afterDigest, entries, hubTakesTrail ? auditAfter : null, audit),
                now);
        lastSent = now;
        failures = 0;
        if (row.state != DistrictState.APPROVED) {
            link.state(DistrictState.APPROVED, null);
        }
        // the digest of this journal's record at the number the hub acknowledged goes with the next batch
        String digest = ack.acked == row.acked ? afterDigest : ack.acked == 0 ? null : digestAt(ack.acked, entries);
        boolean verified = ack.verified == null || ack.verified;
        link.acked(ack.acked, digest, verified, now);
        if (verified) {
            journal.confirmed();
        }
        prune(ack.acked, now);
        trailAcknowledged(row.district, ack);
        if (ack.acked < row.acked) {
            LOG.warn("The hub acknowledges district {} only up to #{} (was #{}): shipping again from there", row.district, ack.acked, row.acked);
        }
        if (entries.size() >= config.batchSize() || audit.size() >= config.batchSize()) {
            return 0;
        }
        return entries.isEmpty() && audit.isEmpty() ? pacing.idle() : pacing.worked(); // a heartbeat is no work
    }

    /**
     * The hub holds this district's audit trail up to {@code auditAcked}: records up to there may be pruned here once old
     * enough. A break the hub found is said once, loudly: the hub takes nothing after it until the city accepts it.
     */
    private void trailAcknowledged(String district, AckDTO ack) {
        if (ack.auditAcked == null) {
            return; // a hub that keeps no trails yet: nothing is sent to it, nothing pruned for it
        }
        hubTakesTrail = true;
        trail.shipped(ack.auditAcked);
        ChainBreak before = auditBreak;
        auditBreak = ack.auditBreak;
        if (ack.auditBreak != null && (before == null || before.seq != ack.auditBreak.seq || before.kind != ack.auditBreak.kind)) {
            LOG.error("The city hub refuses this district's audit trail from #{}: {} ({}). Run onewindow:audit-verify here and see"
                    + " docs/operations.md, \"The audit trail\"", ack.auditBreak.seq, ack.auditBreak.kind, ack.auditBreak.detail);
        } else if (ack.auditBreak == null && before != null) {
            LOG.info("The city hub takes district {}'s audit trail again (up to #{})", district, ack.auditAcked);
        }
    }

    /**
     * Once an hour, deletes what the hub has had for {@code journalRetentionDays}: kept that long so that a hub
     * restored from a recent backup can be sent it again.
     */
    private void prune(long acked, Instant now) {
        if (config.journalRetentionDays() <= 0 || now.isBefore(lastPruned.plusSeconds(3600))) {
            return;
        }
        lastPruned = now;
        int deleted = journal.prune(acked, now.minus(Duration.ofDays(config.journalRetentionDays())));
        if (deleted > 0) {
            LOG.info("{} journal records the hub has had for {} days deleted", deleted, config.journalRetentionDays());
        }
    }

    /** The digest of this journal's record {@code seq}, from {@code sent} or the journal; null if it is gone (pruned). */
    private String digestAt(long seq, List<JournalEntry> sent) {
        for (JournalEntry e : sent) {
            if (e.seq == seq) {
                return RecordDigests.of(record(e));
            }
        }
        List<JournalEntry> there = journal.after(seq - 1, 1);
        return !there.isEmpty() && there.get(0).seq == seq ? RecordDigests.of(record(there.get(0))) : null;
    }

    /** A journal entry as the hub receives it. */
    private static RecordDTO record(JournalEntry e) {
        return RecordDTO.of(e.seq, e.kind, e.key, e.writtenAt, e.payload);
    }

    private byte[] batch(String district, long after, String afterDigest, List<JournalEntry> entries, Long auditAfter, List<AuditRecord> audit) {
        BatchDTO batch = new BatchDTO();
        batch.district = district;
        batch.after = after;
        batch.afterDigest = afterDigest;
        batch.version = node.info().version;
        batch.journalLastSeq = journal.lastSeq();
        batch.records = entries.stream().map(ReplicationShipper::record).collect(Collectors.toList());
        batch.auditAfter = auditAfter;
        batch.audit = auditAfter == null ? null : audit;
        return Json.bytes(batch);
    }
}
