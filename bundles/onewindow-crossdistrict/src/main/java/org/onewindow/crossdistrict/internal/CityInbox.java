package org.onewindow.crossdistrict.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.onewindow.db.DiskGate;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CrossDistrictCases;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.StorageFaults;
import org.onewindow.replication.FileUploadDTO;
import org.onewindow.replication.HubChannel;
import org.onewindow.replication.HubMessageDTO;
import org.onewindow.replication.InboxAckDTO;
import org.onewindow.rest.Backoff;
import org.onewindow.rest.Json;
import org.onewindow.rest.PollPacing;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pulls this district's messages from the hub and applies each through intake, then acknowledges
 * it: cases other districts hand over (with their scanned files) and their withdrawals; receipts of
 * cases this district handed over, decisions on them and extensions of their time limits; the hub's
 * requests for a case's scanned files (files on demand), answered by sending them. A message is acknowledged only once applied, and applying one
 * again changes nothing, so a crash between the two only repeats it.
 */
@Component(immediate = true, configurationPid = CrossDistrictConfig.PID, service = StatusContributor.class)
@Designate(ocd = CrossDistrictConfig.class)
public class CityInbox implements StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(CityInbox.class);
    /** Answers that say the message was applied before (or can never be): acknowledged, not retried. */
    private static final Set<String> SETTLED = Set.of("ALREADY_DECIDED", "UNKNOWN_DELIVERY");

    @Reference
    HubChannel hub;

    @Reference
    CrossDistrictCases cases;

    @Reference
    ScanCopies scans;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastError = "none";
    private volatile Instant lastPull;
    private CrossDistrictConfig config;
    private ScheduledExecutorService timer;
    private Backoff backoff;
    private PollPacing pacing;
    /** Failed pulls in a row, and when the next may be tried: a hub that is down is not asked every second. */
    private int unreachable;
    private Instant nextPull = Instant.EPOCH;

    @Activate
    void activate(CrossDistrictConfig config) {
        this.config = config;
        backoff = new Backoff(config.pollMillis(), 30_000, Math::random);
        pacing = new PollPacing(config.pollMillis(), config.idlePollMaxMillis(), backoff, Math::random);
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onewindow-crossdistrict"));
        timer.scheduleWithFixedDelay(this::pullAll, config.pollMillis(), Math.max(100, config.pollMillis()), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Pulls pages until one is not full, or the hub cannot be asked. */
    void pullAll() {
        if (Instant.now().isBefore(nextPull)) {
            return;
        }
        try {
            DiskGate.check();
            int pulled;
            int total = 0;
            do {
                pulled = hub.approvedAs() == null ? 0 : pull();
                total += Math.max(0, pulled);
            } while (pulled == config.pageSize());
            if (pulled < 0) {
                // a message that could not be applied comes again, but not every second
                nextPull = Instant.now().plusMillis(backoff.delayMillis(++unreachable));
            } else {
                unreachable = 0;
                // nothing for this district (or not federated): ask less often the longer nothing comes (the timer ticks every pollMillis)
                long wait = total > 0 ? pacing.worked() : pacing.idle();
                nextPull = Instant.now().plusMillis(wait - config.pollMillis());
            }
        } catch (Problem e) {
            lastError = e.code() + ": " + e.getMessage();
            nextPull = Instant.now().plusMillis(backoff.delayMillis(++unreachable));
            LOG.debug("City inbox not read (attempt {}): {}", unreachable, lastError);
        } catch (RuntimeException e) {
            lastError = e.toString();
            ++unreachable;
            if (StorageFaults.isStorageFault(e)) {
                // the disk is full or the database read-only: not a bug, and not fixed in a second
                nextPull = Instant.now().plusMillis(pacing.failed(e));
                LOG.warn("City inbox waits: the database cannot be written ({})", e.toString());
            } else {
                nextPull = Instant.now().plusMillis(backoff.delayMillis(unreachable));
                LOG.warn("City inbox not read", e);
            }
        }
    }

    /** One page: applies each message and acknowledges the page; returns how many came, or -1 if one could not be applied. */
    int pull() {
        List<HubMessageDTO> page = List.of(Messages.read(hub.get("/inbox?limit=" + config.pageSize()), HubMessageDTO[].class));
        lastPull = Instant.now();
        if (page.isEmpty()) {
            return 0;
        }
        InboxAckDTO ack = new InboxAckDTO();
        for (HubMessageDTO m : page) {
            try {
                apply(m);
                ack.done.add(m.id);
                applied.incrementAndGet();
            } catch (Problem e) {
                if (SETTLED.contains(e.code())) {
                    LOG.info("Message {} ({} of case {} from {}) settled before: {}", m.id, m.kind, m.caseNo, m.fromDistrict, e.code());
                    ack.done.add(m.id);
                } else {
                    failed(m, ack, e.code() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                failed(m, ack, e.toString());
            }
        }
        hub.post("/inbox/acks", Json.bytes(ack));
        return ack.failed.isEmpty() ? page.size() : -1;
    }

    private void failed(HubMessageDTO m, InboxAckDTO ack, String error) {
        failures.incrementAndGet();
        lastError = m.caseNo + ": " + error;
        ack.failed.put(m.id, error);
        LOG.warn("Message {} ({} of case {} from {}) not applied, it comes again: {}", m.id, m.kind, m.caseNo, m.fromDistrict, error);
    }

    void apply(HubMessageDTO m) {
        switch (m.kind) {
            case HubMessageDTO.HANDOVER -> {
                HandoverPayload handover = Messages.read(m.payload, HandoverPayload.class);
                if (!m.fromDistrict.equals(handover.fromDistrict)) {
                    throw Problem.badRequest("MESSAGE_UNREADABLE", "转交声称来自 " + handover.fromDistrict + "，实为 " + m.fromDistrict);
                }
                CaseDTO received = cases.receive(handover);
                scans.store(received.caseNo, handover.files);
                LOG.info("Case {} of district {} taken in for the back office of {}", received.caseNo, m.fromDistrict, received.departmentCode);
            }
            case HubMessageDTO.RECEIPT -> cases.received(m.caseNo, Messages.read(m.payload, JsonNode.class).path("deliveryKey").asText(), m.fromDistrict);
            case HubMessageDTO.DECISION -> {
                CaseDTO now = cases.decided(m.fromDistrict, Messages.decision(copyOf(m)));
                LOG.info("Case {} decided at district {}: {}", now.caseNo, m.fromDistrict, now.status);
            }
            case HubMessageDTO.EXTENSION -> {
                CaseDTO extended = copyOf(m);
                String note = extended.history == null || extended.history.isEmpty() ? null
                        : extended.history.get(extended.history.size() - 1).note;
                cases.extended(m.fromDistrict, m.caseNo, extended.timeLimit.extendedDays, extended.timeLimit.deadline, note);
            }
            case HubMessageDTO.WITHDRAWAL -> cases.withdrawn(m.caseNo, m.fromDistrict);
            case HubMessageDTO.FILES_REQUEST -> {
                // files on demand: the city asks for one of this district's cases' scanned files
                FileUploadDTO upload = new FileUploadDTO();
                upload.caseNo = m.caseNo;
                upload.files = scans.of(m.caseNo);
                hub.post("/files", Json.bytes(upload));
                LOG.info("Case {}: {} scanned files sent to the hub on its request", m.caseNo, upload.files.size());
            }
            default -> throw Problem.badRequest("MESSAGE_UNREADABLE", "未知的消息类型 " + m.kind);
        }
    }

    /** The deciding district's copy of the case a message carries. */
    private static CaseDTO copyOf(HubMessageDTO m) {
        CaseDTO copy = Messages.read(m.payload, CaseDTO.class);
        if (!m.caseNo.equals(copy.caseNo) || copy.timeLimit == null) {
            throw Problem.badRequest("MESSAGE_UNREADABLE", "消息所附办件 " + copy.caseNo + " 与消息 " + m.caseNo + " 不符，或没有时限");
        }
        return copy;
    }

    @Override
    public String capability() {
        return "cross-district (全市通办)";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("federated as", hub.approvedAs() == null ? "not approved by a hub" : hub.approvedAs());
        out.put("last inbox pull", lastPull == null ? "never" : lastPull.toString());
        out.put("messages applied since start", applied.get());
        out.put("failures since start", failures.get());
        out.put("last failure", lastError);
        return out;
    }
}
