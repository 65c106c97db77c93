package org.onewindow.hub.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.onewindow.audit.AuditChain;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.db.Jdbc;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.CaseFilesDTO;
import org.onewindow.replication.CaseIndexEntryDTO;
import org.onewindow.replication.CityLicenceDTO;
import org.onewindow.replication.CityQueueDayDTO;
import org.onewindow.replication.CityRatingsDTO;
import org.onewindow.replication.CityStatsDTO;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.FileUploadDTO;
import org.onewindow.replication.HubEventDTO;
import org.onewindow.replication.HubHandoverDTO;
import org.onewindow.replication.HubMessageDTO;
import org.onewindow.replication.InboxAckDTO;
import org.onewindow.replication.LicenceLookupDTO;
import org.onewindow.replication.RebaseDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.replication.ReconciliationPageDTO;
import org.onewindow.replication.ReconciliationRequestDTO;
import org.onewindow.replication.RegistrationStateDTO;
import org.onewindow.rest.Json;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city hub: registrations and their approval, signed batches from approved districts, the
 * citywide board. Active only where {@code etc/org.onewindow.node.cfg} says {@code role = hub}.
 */
@Component(service = {CityHub.class, StatusContributor.class}, configurationPid = HubConfig.PID)
@Designate(ocd = HubConfig.class)
public class CityHub implements StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(CityHub.class);

    @Reference(target = "(role~=hub)")
    NodeService node;

    @Reference
    SchemaMigrations migrations;

    /** The city's catalog (统一审批标准), which the districts pull; the hub runs without it, refusing such pulls. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile CatalogService catalog;

    /** The chain's rule, by which each district's audit trail is checked as it arrives. */
    @Reference
    AuditChain chain;

    /** The hub's own audit trail: membership and key decisions (after they commit: the hub's tables may be in another database). */
    @Reference
    AuditTrail trail;

    /** The appliance's own database, or the one {@code dataSource.target} in {@code etc/org.onewindow.hub.cfg} names (PostgreSQL). */
    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    private HubConfig config;
    private Districts districts;
    private RequestGuard guard;
    private Membership membership;
    private BatchApplier applier;
    private DistrictTrails trails;
    private CityBoard board;
    private CityRatings ratings;
    private CityMessages messages;
    private CityFiles files;
    private Reconciliations reconciliations;

    @Activate
    void activate(BundleContext context, HubConfig config) {
        migrations.migrate(dataSource, "hub", context.getBundle(), "db/migration/hub");
        // cards replicated before the board kept their colours (V9) get them now, once
        int classified = Jdbc.tx(dataSource, OpenCards::classify);
        if (classified > 0) {
            LOG.info("{} supervision cards of the city given their colour for the board", classified);
        }
        this.config = config;
        districts = new Districts(dataSource);
        DistrictKeys keys = new DistrictKeys(dataSource);
        guard = new RequestGuard(districts, keys, config::skewSeconds);
        membership = new Membership(districts, keys, guard, new EnrolmentCodes(dataSource), config);
        trails = new DistrictTrails(chain);
        applier = new BatchApplier(dataSource, trails);
        board = new CityBoard(dataSource);
        ratings = new CityRatings(dataSource);
        messages = new CityMessages(dataSource);
        files = new CityFiles(dataSource);
        reconciliations = new Reconciliations(dataSource);
    }

    long maxBatchBytes() {
        return config.maxBatchBytes();
    }

    long maxHandoverBytes() {
        return config.maxHandoverBytes();
    }

    /** Registrations, key rollovers, approval, suspension, revocation, key replacement, enrolment codes: {@link Membership}. */
    RegistrationStateDTO register(SignatureHeaders headers, byte[] body) {
        return membership.register(headers, body);
    }

    RegistrationStateDTO registration(String district, SignatureHeaders headers) {
        return membership.registration(district, headers);
    }

    RegistrationStateDTO rollover(SignatureHeaders headers, byte[] body) {
        return membership.rollover(headers, body);
    }

    DistrictDTO approve(String district, String fingerprint, Actor actor) {
        return recorded("DISTRICT_APPROVED", actor, membership.approve(district, fingerprint, actor));
    }

    DistrictDTO suspend(String district, Actor actor) {
        return recorded("DISTRICT_SUSPENDED", actor, membership.suspend(district, actor));
    }

    DistrictDTO revoke(String district, Actor actor) {
        return recorded("DISTRICT_REVOKED", actor, membership.revoke(district, actor));
    }

    EnrolmentCodes.Issued enrolmentCode(String district, Actor actor) {
        EnrolmentCodes.Issued issued = membership.enrolmentCode(district, actor);
        trail.record(AuditEvent.of("DISTRICT_ENROLMENT_CODE", actor).on("DISTRICT", issued.district()).detail("one-time code issued, valid until "
                + issued.expiresAt()));
        return issued;
    }

    /** A membership or key decision the hub's own trail records, with the district's key as it stands after it. */
    private DistrictDTO recorded(String action, Actor actor, DistrictDTO d) {
        trail.record(AuditEvent.of(action, actor).on("DISTRICT", d.code).detail(d.state + ", key " + (d.fingerprint == null ? "-" : d.fingerprint)));
        return d;
    }

    DistrictDTO replaceKey(String district, String fingerprint, Actor actor) {
        return recorded("DISTRICT_KEY_REPLACED", actor, membership.replaceKey(district, fingerprint, actor));
    }

    List<DistrictDTO> districts(Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR, Actor.SECURITY));
        return districts.list();
    }

    CityStatsDTO stats(Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        return board.stats(districts);
    }

    /** The halls' queues on {@code day} (null: the latest reported), each as its district last replicated it (supervisor, administrator). */
    List<CityQueueDayDTO> queueDays(LocalDate day, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        return board.queueDays(day, districts.list());
    }

    /** The halls' and departments' ratings of {@code month} (null: the latest reported), ranked (supervisor, administrator). */
    CityRatingsDTO ratings(java.time.YearMonth month, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        return ratings.month(month == null ? null : month.toString(), districts.list());
    }

    List<CaseIndexEntryDTO> cases(String district, String after, int size, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        return board.cases(Districts.code(district), after, Math.max(1, Math.min(size, 10000)));
    }

    /** A case's entry in the citywide index (no personal data); 404 {@code CASE_NOT_FOUND} if the city has no such case. */
    CaseIndexEntryDTO caseEntry(String caseNo, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        CaseIndexEntryDTO entry = caseNo == null || caseNo.length() > 40 ? null : board.caseEntry(caseNo);
        if (entry == null) {
            throw Problem.notFound("CASE_NOT_FOUND", "全市办件索引中没有 " + Districts.limit(caseNo, 60));
        }
        return entry;
    }

    /**
     * A district's signed batch: the signature, timestamp and nonce are checked, then the district's
     * standing and the records' ownership, and the batch is applied. Every refusal is logged.
     */
    AckDTO receive(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        DistrictKeys.Credential credential = guard.approved(headers, body, now);
        BatchDTO batch = parse(body, BatchDTO.class, "INVALID_BATCH", "批次不是有效的 JSON");
        if (batch == null || batch.records == null) {
            throw Problem.badRequest("INVALID_BATCH", "批次须有 records");
        }
        try {
            Map<RecordDTO, RecordFields> read = BatchApplier.checkOwnership(credential.code(), batch);
            return applier.apply(credential.code(), batch, read, headers.nonce, now, now.minusSeconds(2 * config.skewSeconds()));
        } catch (Problem p) {
            if (Set.of("FOREIGN_RECORD", "REPLAYED", "JOURNAL_REWOUND").contains(p.code())) {
                districts.refused(credential.code(), p.code() + ": " + p.getMessage(), now);
                LOG.warn("Batch of district {} refused: {} {}", credential.code(), p.code(), p.getMessage());
            }
            throw p;
        }
    }

    /**
     * A page of the signing district's own records the hub holds after the number it asks from: what a district restored
     * from an older copy takes back. Logged once per reconciliation (the first page).
     */
    ReconciliationPageDTO reconciliation(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        DistrictKeys.Credential credential = guard.approvedOnce(headers, body, now);
        ReconciliationRequestDTO ask = parse(body, ReconciliationRequestDTO.class, "INVALID_RECONCILIATION", "对账请求不是有效的 JSON");
        if (ask == null || ask.after < 0) {
            throw Problem.badRequest("INVALID_RECONCILIATION", "after 须为不小于 0 的日志序号");
        }
        ReconciliationPageDTO page = reconciliations.page(credential.code(), ask.after, ask.limit <= 0 ? 500 : ask.limit);
        if (!page.records.isEmpty() && page.records.get(0).seq > ask.after && ask.after < page.acked) {
            LOG.info("District {} takes back its records after #{} (acknowledged #{}, {} in this page)", credential.code(), ask.after, page.acked,
                    page.records.size());
        }
        return page;
    }

    /** The signing district reconciled: its journal goes on after the number it names, and its batches are taken again. */
    AckDTO rebase(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        DistrictKeys.Credential credential = guard.approvedOnce(headers, body, now);
        RebaseDTO rebase = parse(body, RebaseDTO.class, "INVALID_REBASE", "不是有效的 JSON");
        AckDTO ack = reconciliations.rebase(credential.code(), rebase, now);
        LOG.warn("District {} reconciled its journal with the hub and goes on after #{}", credential.code(), ack.acked);
        return ack;
    }

    /** The city's catalog (统一审批标准) for an approved district's signed request, all items in their current version. */
    List<CatalogItemDTO> catalog(SignatureHeaders headers) {
        guard.approvedOnce(headers, new byte[0], Instant.now());
        CatalogService city = catalog;
        if (city == null) {
            throw new Problem(ProblemKind.UNAVAILABLE, "CATALOG_UNAVAILABLE", "市级枢纽未安装事项目录");
        }
        return city.export();
    }

    /**
     * A licence another district holds, for an approved district's signed request stating why (a case or a
     * purpose); the read is logged at the hub (event {@code LICENCE_READ}) and, by the asker, at the district.
     */
    CityLicenceDTO licence(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        DistrictKeys.Credential credential = guard.approvedOnce(headers, body, now);
        LicenceLookupDTO ask = parse(body, LicenceLookupDTO.class, "INVALID_LOOKUP", "查询不是有效的 JSON");
        if (ask == null || blank(ask.type) || blank(ask.number) || (blank(ask.caseNo) && blank(ask.purpose))) {
            throw Problem.badRequest("INVALID_LOOKUP", "须有 type、number，以及 caseNo 或 purpose");
        }
        CityLicenceDTO found = board.licence(ask.type.strip(), ask.number.strip());
        districts.event(credential.code(), "LICENCE_READ", ask.type.strip() + "/" + ask.number.strip() + " held at "
                + (found == null ? "(none)" : found.district) + " by " + ask.actor + " for "
                + (blank(ask.caseNo) ? "purpose '" + ask.purpose.strip() + "'" : "case " + ask.caseNo.strip()), now);
        if (found == null) {
            throw Problem.notFound("LICENCE_NOT_FOUND", "全市证照库中没有 " + ask.type + " " + ask.number);
        }
        return found;
    }

    /** An accepting district's signed handover of a case to the district that decides it (全市通办). */
    HubMessageDTO handover(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        DistrictKeys.Credential credential = guard.approvedOnce(headers, body, now);
        HubHandoverDTO handover = parse(body, HubHandoverDTO.class, "INVALID_HANDOVER", "转交不是有效的 JSON");
        try {
            HubMessageDTO m = messages.handover(credential.code(), handover, now);
            LOG.info("Case {} handed over by {} to {} (message {})", m.caseNo, m.fromDistrict, m.toDistrict, m.id);
            return m;
        } catch (Problem p) {
            if ("FOREIGN_RECORD".equals(p.code())) {
                districts.refused(credential.code(), p.code() + ": " + p.getMessage(), now);
            }
            throw p;
        }
    }

    /** The messages waiting for the signing district, oldest first. */
    List<HubMessageDTO> inbox(SignatureHeaders headers, int limit) {
        DistrictKeys.Credential credential = guard.approvedOnce(headers, new byte[0], Instant.now());
        return messages.inbox(credential.code(), Math.max(1, Math.min(limit, 100)));
    }

    /** The signing district's acknowledgement of messages it pulled. */
    Map<String, Integer> acknowledge(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        DistrictKeys.Credential credential = guard.approvedOnce(headers, body, now);
        InboxAckDTO ack = parse(body, InboxAckDTO.class, "INVALID_ACK", "确认不是有效的 JSON");
        return Map.of("delivered", messages.acknowledge(credential.code(), ack, now));
    }

    List<HubMessageDTO> messages(String district, boolean waiting, int size, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        return messages.list(district == null || district.isBlank() ? null : Districts.code(district), waiting, Math.max(1, Math.min(size, 1000)));
    }

    /** Asks a case's district for its scanned files (files on demand); the request is logged. */
    CaseFilesDTO requestFiles(String caseNo, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        Instant now = Instant.now();
        CaseFilesDTO out = files.request(caseNo, node.info().districtCode, now);
        districts.event(out.district, "FILES_REQUESTED", caseNo + " by " + actor.name(), now);
        return out;
    }

    CaseFilesDTO caseFiles(String caseNo, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        return files.list(caseNo);
    }

    /** A scanned file the hub fetched; every read is logged ({@code FILE_READ}): it is a citizen's paper. */
    CityFiles.Content file(String caseNo, long id, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR));
        CityFiles.Content out = files.content(caseNo, id);
        districts.event(caseNo.substring(0, 6), "FILE_READ", caseNo + " file " + id + " by " + actor.name(), Instant.now());
        return out;
    }

    /** A district's signed answer to a request for files. */
    Map<String, Integer> receiveFiles(SignatureHeaders headers, byte[] body) {
        Instant now = Instant.now();
        DistrictKeys.Credential credential = guard.approvedOnce(headers, body, now);
        FileUploadDTO upload = parse(body, FileUploadDTO.class, "INVALID_FILES", "文件不是有效的 JSON");
        int stored = files.store(credential.code(), upload, now);
        LOG.info("District {} sent {} new scanned files of case {}", credential.code(), stored, upload.caseNo);
        return Map.of("stored", stored);
    }

    /**
     * A security administrator accepts the break the hub refuses a district's audit trail at (after district IT found its
     * cause): the next record the district sends is taken across it, marked, and the trail flows again. Logged.
     */
    DistrictDTO acceptAuditBreak(String district, long seq, Actor actor) {
        actor.requireAny(Set.of(Actor.SECURITY));
        String code = Districts.code(district);
        org.onewindow.db.Jdbc.tx(dataSource, c -> {
            trails.accept(c, code, seq, actor.name(), Instant.now());
            return null;
        });
        LOG.warn("{} accepted the break of district {}'s audit chain at #{}", actor, code, seq);
        trail.record(AuditEvent.of(DistrictTrails.ACCEPTED, actor).on("DISTRICT", code).detail("the break at #" + seq + " is crossed by the next record"));
        return districts.list().stream().filter(d -> d.code.equals(code)).findFirst().orElseThrow();
    }

    List<HubEventDTO> events(String district, int size, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.SUPERVISOR, Actor.AUDITOR));
        return districts.events(district == null || district.isBlank() ? null : Districts.code(district), Math.max(1, Math.min(size, 1000)));
    }

    /** A district's JSON body, or the bad request {@code code} with {@code message}. */
    private static <T> T parse(byte[] body, Class<T> type, String code, String message) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw Problem.badRequest(code, message);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String capability() {
        return "hub";
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<DistrictDTO> all = districts.list();
        for (DistrictState s : DistrictState.values()) {
            out.put("districts " + s.name().toLowerCase(Locale.ROOT), all.stream().filter(d -> d.state == s).count());
        }
        out.put("cases", all.stream().mapToLong(d -> d.cases).sum());
        out.put("backlog", all.stream().mapToLong(d -> d.backlog).sum());
        all.stream().filter(d -> d.rewound != null).forEach(d -> out.put("district " + d.code + " REWOUND", d.rewound
                + " (refused until it reconciles; docs/operations.md)"));
        return out;
    }
}
