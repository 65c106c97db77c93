package org.onewindow.audit.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.onewindow.audit.AuditChain;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.ChainDigest;
import org.onewindow.audit.ChainReport;
import org.onewindow.audit.TrailHead;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.node.NodeRole;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's audit trail in its own Derby tables ({@code AUDIT_HEAD}, {@code AUDIT_MARK}, {@code AUDIT_RECORD}, module
 * {@code audit}), and its retention: every {@code pruneIntervalMinutes}, records older than {@code auditRetentionDays}
 * are deleted, on a district only those the city hub has acknowledged, the anchor moving with them.
 */
@Component(service = {AuditTrail.class, AuditChain.class, JdbcAuditTrail.class, StatusContributor.class}, configurationPid = AuditConfig.PID)
@Designate(ocd = AuditConfig.class)
public class JdbcAuditTrail implements AuditTrail, AuditChain, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditTrail.class);
    static final String PRUNED = "AUDIT_PRUNED";
    private static final int PRUNE_CHUNK = 10_000;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    @Reference
    NodeService node;

    /**
     * SHA-256 and SM3 are the trail's own, known from the start: a capability appending in its activation (the catalog's
     * first import) may get this service before any digest service would be bound. Another bundle may add an algorithm.
     */
    static final Map<String, ChainDigest> BUILT_IN = Map.of(Sha256Digest.NAME, new Sha256Digest(), Sm3Digest.NAME, new Sm3Digest());
    private final Map<String, ChainDigest> digests = new ConcurrentHashMap<>(BUILT_IN);
    private volatile AuditConfig config;
    private volatile boolean writing = true;
    private final ChainHashes hashes = new ChainHashes(digests::get);
    private TrailStore store;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> pruning;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addDigest(ChainDigest digest) {
        digests.put(digest.name(), digest);
    }

    void removeDigest(ChainDigest digest) {
        if (digests.remove(digest.name(), digest) && BUILT_IN.containsKey(digest.name())) {
            digests.put(digest.name(), BUILT_IN.get(digest.name()));
        }
    }

    @Activate
    void activate(BundleContext context, AuditConfig config) {
        migrations.migrate("audit", context.getBundle(), "db/migration/audit");
        Path key = Path.of(System.getProperty("karaf.data", "data"), "onewindow", "audit", "citizen.key");
        use(new TrailStore(dataSource, hashes, CitizenKeys.in(key), () -> this.config.algorithm(), Clock.systemUTC()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-audit-retention"));
        configure(config);
    }

    /** The store this trail works with (also the capabilities' tests' trail over an in-memory Derby). */
    void use(TrailStore store) {
        this.store = store;
    }

    /** The chain's rule, with the algorithms this trail knows (the store hashes by it). */
    ChainHashes hashes() {
        return hashes;
    }

    @Modified
    void configure(AuditConfig config) {
        this.config = config;
        if (!hashes.knows(config.algorithm())) {
            LOG.error("The audit trail's algorithm {} is not installed (SHA-256 and SM3 are): appends will fail until it is", config.algorithm());
        }
        writing = !(config.benchmarkWithoutTrail() && node.info().demo);
        if (!writing) {
            LOG.warn("THE AUDIT TRAIL RECORDS NOTHING (benchmarkWithoutTrail, demo mode): for a benchmark only");
        } else if (config.benchmarkWithoutTrail()) {
            LOG.warn("benchmarkWithoutTrail is ignored outside demo mode: the trail records as always");
        }
        if (pruning != null) {
            pruning.cancel(false);
        }
        long every = Math.max(1, config.pruneIntervalMinutes());
        pruning = timer.scheduleWithFixedDelay(this::pruneQuietly, 1, every * 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public long append(Connection transaction, AuditEvent event) {
        return writing ? store.append(transaction, event) : 0;
    }

    @Override
    public long record(AuditEvent event) {
        return writing ? store.record(event) : 0;
    }

    @Override
    public int adopt(Connection transaction, String select, Row row, String delete) {
        return store.adopt(transaction, select, row, delete);
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        return store.search(query);
    }

    /** Every record matching {@code query}, oldest first, as read: the CSV export. */
    long export(AuditQuery query, Consumer<AuditRecord> each) {
        return store.export(query, each);
    }

    @Override
    public List<AuditRecord> after(long seq, int limit) {
        return store.after(seq, limit);
    }

    @Override
    public TrailHead head() {
        return store.head();
    }

    @Override
    public void shipped(long seq) {
        store.shipped(seq);
    }

    @Override
    public ChainReport verify() {
        return store.verify();
    }

    @Override
    public String genesis() {
        return ChainHashes.GENESIS;
    }

    /** Whether records may be hashed with {@code algorithm} now. */
    boolean knows(String algorithm) {
        return hashes.knows(algorithm);
    }

    @Override
    public ChainBreak follows(long prevSeq, String prevHash, AuditRecord next) {
        return hashes.check(prevSeq, prevHash, next);
    }

    /**
     * Deletes what is older than {@code auditRetentionDays}: on a district only what the hub acknowledged (its copy is
     * the one kept beyond), on the hub by age alone. Records what it did.
     */
    public Pruned prune(Instant now) {
        TrailHead head = store.head();
        boolean hub = node.info().role == NodeRole.HUB;
        long upTo = hub ? head.lastSeq() : head.shippedSeq();
        Pruned result = store.prune(upTo, now.minus(Duration.ofDays(config.auditRetentionDays())), PRUNE_CHUNK);
        if (result.deleted() > 0) {
            LOG.info("{} audit records older than {} days deleted{}; the chain is verified from #{} on", result.deleted(),
                    config.auditRetentionDays(), hub ? "" : " (the city hub holds them)", result.anchorSeq());
            record(AuditEvent.by(PRUNED, "system:retention").channel("SYSTEM").on("AUDIT", "#" + result.anchorSeq())
                    .detail(result.deleted() + " records older than " + config.auditRetentionDays() + " days deleted up to #" + result.anchorSeq()));
        }
        return result;
    }

    private void pruneQuietly() {
        try {
            prune(Instant.now());
        } catch (RuntimeException e) {
            LOG.error("Pruning the audit trail failed; it is tried again in {} min", config.pruneIntervalMinutes(), e);
        }
    }

    @Override
    public String capability() {
        return "audit trail (审计日志)";
    }

    @Override
    public Map<String, Object> status() {
        TrailHead head = store.head();
        Map<String, Object> out = new LinkedHashMap<>();
        if (!writing) {
            out.put("WRITES", "OFF (benchmarkWithoutTrail): nothing is recorded");
        }
        out.put("records", head.lastSeq() - head.anchorSeq());
        out.put("last", "#" + head.lastSeq());
        out.put("verified from", "#" + head.anchorSeq() + (head.anchorSeq() == 0 ? "" : " (pruned before)"));
        out.put("at the city hub", node.info().role == NodeRole.HUB ? "(this is the hub)" : "up to #" + head.shippedSeq());
        out.put("algorithm", config.algorithm());
        out.put("retention", config.auditRetentionDays() + " days");
        return out;
    }
}
