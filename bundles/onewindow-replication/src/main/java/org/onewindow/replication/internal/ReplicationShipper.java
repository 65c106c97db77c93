package org.onewindow.replication.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.node.NodeInfo;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.LinkStatusDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.RegistrationDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.replication.internal.HubClient.HubFailure;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.Json;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference(target = "(role~=district)")
    NodeService node;

    @Reference
    ChangeJournal journal;

    @Reference
    SchemaMigrations migrations;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    private ReplicationConfig config;
    private HubLink link;
    private HubClient hub;
    private Backoff backoff;
    private ScheduledExecutorService timer;
    private int failures;
    private Instant lastSent = Instant.EPOCH;
    private Instant lastPruned = Instant.EPOCH;

    @Activate
    void activate(BundleContext context, ReplicationConfig config) {
        migrations.migrate("replication", context.getBundle(), "db/migration/replication");
        this.config = config;
        link = new HubLink(dataSource);
        hub = new HubClient(config.connectTimeoutMillis(), config.receiveTimeoutMillis());
        backoff = new Backoff(config.backoffBaseMillis(), config.backoffMaxMillis(), Math::random);
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-replication"));
        timer.schedule(this::run, 0, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Registers this district with the hub at {@code hubUrl}: a city administrator approves it there,
     * and this node fetches its key by itself. Registering again (with a new token) replaces the link.
     */
    public LinkStatusDTO register(String hubUrl) {
        String url = HubUrls.check(hubUrl);
        NodeInfo info = node.info();
        RegistrationDTO registration = new RegistrationDTO();
        registration.district = info.districtCode;
        registration.name = info.districtName;
        registration.version = info.version;
        registration.token = HexFormat.of().formatHex(bytes(32));
        RegistrationStateDTO answer;
        try {
            answer = hub.register(url, registration);
        } catch (HubFailure e) {
            throw new Problem(e.status == 0 ? ProblemKind.UNAVAILABLE : ProblemKind.CONFLICT, e.status == 0 ? "HUB_UNREACHABLE" : e.code,
                    "市级枢纽未接受注册：" + e.getMessage());
        }
        synchronized (this) {
            link.register(url, info.districtCode, registration.token, Instant.now());
            if (answer.state != null && answer.state != DistrictState.PENDING) {
                link.state(answer.state, null);
            }
        }
        LOG.info("District {} registered with hub {}: {}", info.districtCode, url, answer.state);
        timer.schedule(this::run, 0, TimeUnit.MILLISECONDS);
        return link();
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
            s.acked = row.acked;
            s.lastShippedAt = row.lastShippedAt == null ? null : row.lastShippedAt.toString();
            s.lastError = row.lastError;
        }
        s.backlog = Math.max(0, s.journalLastSeq - s.acked);
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
        out.put("journal", s.journalLastSeq);
        out.put("acknowledged by hub", s.acked);
        out.put("backlog", s.backlog);
        if (s.lastError != null) {
            out.put("last error", s.lastError);
        }
        return out;
    }

    private void run() {
        long delay;
        try {
            delay = cycle();
        } catch (RuntimeException e) {
            LOG.error("Replication cycle failed", e);
            delay = backoff.delayMillis(++failures);
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::run, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** One step; answers how long to wait before the next. */
    synchronized long cycle() {
        HubLink.Row row = link.read();
        if (row == null || row.state == DistrictState.REVOKED) {
            return config.pollMillis() * 4;
        }
        try {
            if (row.state == DistrictState.PENDING) {
                return awaitApproval(row);
            }
            return ship(row);
        } catch (HubFailure e) {
            failures++;
            link.failed(e.getMessage());
            if ("DISTRICT_REVOKED".equals(e.code)) {
                link.state(DistrictState.REVOKED, e.getMessage());
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
        RegistrationStateDTO state = hub.state(row.hubUrl, row.district, row.token);
        failures = 0;
        if (state.state == DistrictState.APPROVED && state.key != null) {
            link.approved(state.key);
            LOG.info("The hub approved district {}: shipping the journal from #{}", row.district, row.acked + 1);
            return 0;
        }
        if (state.state == DistrictState.REVOKED) {
            link.state(DistrictState.REVOKED, "registration refused by the hub");
        }
        return Math.max(config.pollMillis(), 2000);
    }

    private long ship(HubLink.Row row) throws HubFailure {
        List<JournalEntry> entries = journal.after(row.acked, Math.max(1, config.batchSize()));
        Instant now = Instant.now();
        if (!entries.isEmpty() && entries.get(0).seq > row.acked + 1) {
            // the hub lost what it had acknowledged (restored from a backup older than journalRetentionDays)
            throw new HubFailure(409, "JOURNAL_PRUNED", "the hub needs records from #" + (row.acked + 1)
                    + " that this journal deleted after journalRetentionDays; they cannot be sent again (see docs/operations.md)");
        }
        if (entries.isEmpty() && now.isBefore(lastSent.plusSeconds(config.heartbeatSeconds()))) {
            return config.pollMillis();
        }
        AckDTO ack = hub.ship(row.hubUrl, row.district, row.key, batch(row.district, entries), now);
        lastSent = now;
        failures = 0;
        if (row.state != DistrictState.APPROVED) {
            link.state(DistrictState.APPROVED, null);
        }
        link.acked(ack.acked, now);
        prune(ack.acked, now);
        if (ack.acked < row.acked) {
            LOG.warn("The hub acknowledges district {} only up to #{} (was #{}): shipping again from there", row.district, ack.acked, row.acked);
        }
        return entries.size() >= config.batchSize() ? 0 : config.pollMillis();
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

    private byte[] batch(String district, List<JournalEntry> entries) {
        BatchDTO batch = new BatchDTO();
        batch.district = district;
        batch.version = node.info().version;
        batch.journalLastSeq = journal.lastSeq();
        batch.records = entries.stream().map(RecordDTO::of).collect(Collectors.toList());
        return Json.bytes(batch);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
