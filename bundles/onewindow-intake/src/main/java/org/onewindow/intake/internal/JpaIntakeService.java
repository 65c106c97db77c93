package org.onewindow.intake.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.Outcome;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalHold;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.MaterialDTO;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.citizen.Mobiles;
import org.onewindow.db.SchemaMigrations;
import org.onewindow.db.DbFailures;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseLookupDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseQuery;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.HistoryEntryDTO;
import org.onewindow.intake.HandoverState;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.IntakeStatisticsDTO;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.NewCaseDTO;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.PublicStatusDTO;
import org.onewindow.intake.ReuseDTO;
import org.onewindow.intake.Route;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.node.NodeService;
import org.onewindow.node.StatusContributor;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.QueryParams;
import org.onewindow.security.Actor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The comprehensive window on Derby through Aries JPA; every call is one transaction. */
@Component(service = {IntakeService.class, StatusContributor.class}, configurationPid = IntakeConfig.PID)
@Designate(ocd = IntakeConfig.class)
public class JpaIntakeService implements IntakeService, StatusContributor {
    private static final Logger LOG = LoggerFactory.getLogger(JpaIntakeService.class);
    private static final int MAX_PAGE_SIZE = 500;
    private static final int NUMBER_RETRIES = 3;
    /** Enough open cases to name in a repeat-filing warning. */
    private static final int MAX_OPEN_SHOWN = 5;
    private final SecureRandom random = new SecureRandom();

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    @Reference
    AuditTrail trail;

    @Reference
    SchemaMigrations migrations;

    @Reference
    CatalogService catalog;

    @Reference
    NodeService node;

    @Reference
    WorkingCalendar calendar;

    /** The electronic licence library, when its feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LicenceService licences;

    private volatile ZoneId zone;
    private volatile int reuseDays;
    private TimeLimits timeLimits;
    private int schemaVersion;

    @Activate
    void activate(BundleContext context, IntakeConfig config) {
        schemaVersion = migrations.migrate("intake", context.getBundle(), "db/migration/intake");
        CaseReads.moveOlderLog(jpa, trail);
        timeLimits = new TimeLimits(calendar);
        configure(config);
        backfillDeadlines();
    }

    /** Deadlines of cases accepted before they were kept (migration V4 gave them their acceptance day). */
    private void backfillDeadlines() {
        int n = tx(em -> {
            List<CaseEntity> earlier = em.createQuery("SELECT c FROM CaseEntity c WHERE c.acceptedOn IS NOT NULL"
                    + " AND c.deadline IS NULL", CaseEntity.class).getResultList();
            earlier.forEach(timeLimits::backfill);
            return earlier.size();
        });
        if (n > 0) {
            LOG.info("Deadlines computed for {} cases accepted before time limits were kept", n);
        }
    }

    @Modified
    void configure(IntakeConfig config) {
        zone = ZoneId.of(config.zone());
        reuseDays = config.materialReuseDays();
    }

    @Override
    public CaseDTO open(NewCaseDTO request, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        JournalHold hold = journal.hold();
        if (hold != null) {
            // the city hub has not confirmed where this district's journal is (just started; restored from a copy): a
            // number given now might be one the city has already seen
            throw Problem.retryLater(ProblemKind.UNAVAILABLE, hold.code(), hold.message(), Duration.ofSeconds(5));
        }
        Intake intake = Intake.check(request);
        CatalogItemDTO item = catalog.get(intake.itemCode);
        refuseUnlisted(item, intake.materials, null, actor);
        for (int attempt = 1;; attempt++) {
            try {
                return tx(em -> insert(em, intake, item, actor));
            } catch (PersistenceException e) {
                // two clerks opened the first case of a day at once: the loser takes the next number
                if (!DbFailures.isUniqueViolation(e) || attempt == NUMBER_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private CaseDTO insert(EntityManager em, Intake intake, CatalogItemDTO item, Actor actor) {
        Date now = new Date();
        LocalDate today = LocalDate.now(zone);
        CaseEntity c = new CaseEntity();
        c.caseNo = CaseNumbers.format(node.info().districtCode, today, nextSequence(em, today));
        c.pin(item);
        c.timeLimitDays = item.timeLimitDays;
        c.channel = intake.channel;
        c.parties(intake.applicant, intake.agent);
        if (c.channel == Channel.WINDOW) {
            c.visit(today);
        }
        c.createdAt = now;
        c.createdBy = actor.name();
        for (String code : intake.materials) {
            c.received.add(CaseMaterialEntity.of(c, code, actor.name(), now));
        }
        LicenceLink.reuse(licences, c, item.materials, actor, now);
        // a new case: its first step is persisted with it
        c.moveTo(CaseStatus.DRAFT, actor.name(), now, "收件");
        List<String> warnings = new ArrayList<>();
        List<String> open = openCasesOf(em, c.applicantId, c.itemCode);
        if (!open.isEmpty()) {
            warnings.add("REPEAT_FILING: 该申请人已有同一事项的在办件 " + String.join("、", open));
            em.persist(IntakeFlagEntity.of(IntakeFlagEntity.REPEAT_FILING, c.caseNo, c.itemCode,
                    "open cases " + String.join(",", open), actor.name()));
        }
        em.persist(c);
        LOG.info("Case {} taken in by {} for {} v{}, applicant {}, {} materials from the licence library", c.caseNo, actor,
                c.itemCode, c.itemVersion, IdNumbers.mask(c.applicantId),
                c.received.stream().filter(m -> m.source == MaterialSource.LICENCE).count());
        CaseDTO dto = CaseViews.full(c, item.materials);
        dto.warnings = warnings;
        return dto;
    }

    /** Gap-free per day: the counter row stays locked until the case is committed, and rolls back with it. */
    private static int nextSequence(EntityManager em, LocalDate day) {
        String key = CaseNumbers.DAY.format(day);
        int updated = em.createNativeQuery("UPDATE CASE_SEQUENCE SET LAST_VALUE = LAST_VALUE + 1 WHERE SEQ_DAY = ?")
                .setParameter(1, key).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO CASE_SEQUENCE (SEQ_DAY, LAST_VALUE) VALUES (?, 1)").setParameter(1, key).executeUpdate();
            return 1;
        }
        return ((Number) em.createNativeQuery("SELECT LAST_VALUE FROM CASE_SEQUENCE WHERE SEQ_DAY = ?")
                .setParameter(1, key).getSingleResult()).intValue();
    }

    private static List<String> openCasesOf(EntityManager em, String applicantId, String itemCode) {
        return em.createQuery("SELECT c.caseNo FROM CaseEntity c WHERE c.applicantId = :id AND c.itemCode = :item"
                + " AND c.status NOT IN :closed", String.class)
                .setParameter("id", applicantId).setParameter("item", itemCode)
                .setParameter("closed", StatusMachine.CLOSED)
                .setMaxResults(MAX_OPEN_SHOWN).getResultList();
    }

    @Override
    public CaseDTO receive(String caseNo, List<String> materials, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        List<String> codes = Intake.codes(materials);
        if (codes.isEmpty()) {
            throw Problem.badRequest("INVALID_CASE", "materials 必填：收到的材料编码");
        }
        CaseEntity peek = tx(em -> windowCase(em, caseNo));
        if (!StatusMachine.receives(peek.status)) {
            throw new Problem(ProblemKind.CONFLICT, "WRONG_STATUS", "办件状态为 " + peek.status + "，此时不能收取材料");
        }
        CatalogItemDTO pinned = catalog.get(peek.itemCode, peek.itemVersion);
        List<MaterialDTO> catalogMaterials = pinned.materials;
        refuseUnlisted(pinned, codes, caseNo, actor);
        return tx(em -> {
            CaseEntity c = windowCase(em, caseNo);
            Date now = new Date();
            Set<String> have = c.received.stream().map(m -> m.code).collect(Collectors.toSet());
            for (String code : codes) {
                if (!have.contains(code)) {
                    CaseMaterialEntity m = CaseMaterialEntity.of(c, code, actor.name(), now);
                    em.persist(m);
                    c.received.add(m);
                }
            }
            c.updatedAt = now;
            return CaseViews.full(c, catalogMaterials);
        });
    }

    @Override
    public CaseDTO transition(String caseNo, TransitionDTO request, Actor actor) {
        if (request == null || request.to == null) {
            throw Problem.badRequest("INVALID_CASE", "to 必填：目标状态");
        }
        if (request.to == CaseStatus.ACCEPTED && actor.has(Actor.CLERK)) {
            recheckLicences(caseNo, actor);
        }
        return tx(em -> {
            // locked first, as the relay and a department's callback lock it before they touch its handovers
            CaseEntity c = windowCase(Cases.findForUpdate(em, caseNo));
            StatusMachine.checkWindowMove(c.status, request.to, c.timeLimitDays == 0, actor);
            Date now = new Date();
            CatalogItemDTO pinned = catalog.get(c.itemCode, c.itemVersion);
            List<MaterialDTO> catalogMaterials = pinned.materials;
            LocalDate today = LocalDate.now(zone);
            String note = request.note;
            switch (request.to) {
                case ACCEPTED:
                    List<CaseMaterialDTO> missing = CaseViews.missing(c, catalogMaterials);
                    List<String> deficient = request.deficient == null ? List.of() : request.deficient;
                    List<CaseMaterialDTO> blocking = Completeness.blocking(missing, deficient);
                    if (!blocking.isEmpty()) {
                        throw new Problem(ProblemKind.CONFLICT, "MATERIALS_MISSING", "材料不齐，不能受理：缺 "
                                + blocking.stream().map(m -> m.name).collect(Collectors.joining("、")) + "（请出具一次性告知书）",
                                blocking.stream().map(m -> new ProblemDetail(c.caseNo, m.code, m.name)).collect(Collectors.toList()));
                    }
                    if (!missing.isEmpty()) {
                        c.deficientMaterials = missing.stream().map(m -> m.code).collect(Collectors.joining(","));
                        note = "容缺受理，待补：" + c.deficientMaterials + (note == null ? "" : "；" + note);
                    }
                    c.pickupCode = String.format("%06d", random.nextInt(1_000_000));
                    timeLimits.start(c, today);
                    if (c.timeLimitDays > 0) {
                        // the outbox row commits with the acceptance: the relay hands it over, now or later
                        em.persist(HandoverEntity.of(c, HandoverEntity.CASE, now));
                    }
                    break;
                case READY_FOR_PICKUP:
                    if (c.status == CaseStatus.ACCEPTED) {
                        // an instant item (即办件) is decided at the window, and its licence issued with it
                        timeLimits.decide(c, today);
                        if (pinned.resultLicenceType != null) {
                            c.resultDocument = catalog.licenceType(pinned.resultLicenceType).name;
                            c.licenceNo = LicenceLink.issue(licences, em, c, pinned.resultLicenceType, null, null,
                                    c.resultDocument, actor.name(), today);
                        }
                    }
                    break;
                case WITHDRAWN:
                    Cases.cancelOpenHandovers(em, c.caseNo, now);
                    break;
                case REJECTED:
                case DENIED:
                    String reason = required(request.reason, "reason", "不予受理或不予许可须写明理由");
                    note = note == null || note.isBlank() ? reason : reason + "；" + note;
                    break;
                case IN_REVIEW:
                    // the supplement was handed in at the window: the clock runs again
                    c.visit(today);
                    int stood = timeLimits.resume(c, today);
                    note = "补正材料已交，恢复计时，期限顺延 " + stood + " 个工作日至 " + c.deadline
                            + (note == null ? "" : "；" + note);
                    c.supplementMaterials = null;
                    if (c.route == Route.REMOTE || c.route == Route.CITY) {
                        em.persist(HandoverEntity.of(c, HandoverEntity.SUPPLEMENT, now));
                    }
                    break;
                case DELIVERED:
                    deliver(em, c, request, today, actor);
                    break;
                default:
                    break;
            }
            LOG.info("Case {} {} -> {} by {}", c.caseNo, c.status, request.to, actor);
            em.persist(c.moveTo(request.to, actor.name(), now, note));
            return CaseViews.full(c, catalogMaterials);
        });
    }

    /** Materials from licences revoked or expired since intake are dropped, in a transaction of their own, before acceptance. */
    private void recheckLicences(String caseNo, Actor actor) {
        LicenceService library = licences;
        if (library == null) {
            return;
        }
        List<String> dropped = tx(em -> {
            CaseEntity c = find(em, caseNo);
            if (c.status != CaseStatus.DRAFT) {
                return List.<String>of();
            }
            List<String> codes = LicenceLink.recheck(library, em, c, actor);
            if (!codes.isEmpty()) {
                List<String> names = catalog.get(c.itemCode, c.itemVersion).materials.stream()
                        .filter(m -> codes.contains(m.code)).map(m -> m.name).collect(Collectors.toList());
                String note = "电子证照已失效（撤销或过期），需提交纸质材料：" + String.join("、", names);
                em.persist(c.note(actor.name(), new Date(), note));
            }
            return codes;
        });
        if (!dropped.isEmpty()) {
            LOG.info("Case {}: licences no longer valid for {}", caseNo, dropped);
        }
    }

    @Override
    public CaseDTO reuse(String caseNo, ReuseDTO request, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        if (request == null) {
            throw Problem.badRequest("INVALID_CASE", "请求内容为空");
        }
        String code = required(request.material, "material", "本办件的材料编码");
        String from = required(request.fromCaseNo, "fromCaseNo", "原办件编号");
        CaseEntity peek = tx(em -> windowCase(em, caseNo));
        CatalogItemDTO pinned = catalog.get(peek.itemCode, peek.itemVersion);
        refuseUnlisted(pinned, List.of(code), caseNo, actor);
        MaterialDTO wanted = pinned.materials.stream().filter(m -> m.code.equals(code)).findFirst().orElseThrow();
        return tx(em -> {
            CaseEntity c = find(em, caseNo);
            if (!StatusMachine.receives(c.status)) {
                throw new Problem(ProblemKind.CONFLICT, "WRONG_STATUS", "办件状态为 " + c.status + "，此时不能收取材料");
            }
            if (c.received.stream().anyMatch(m -> m.code.equals(code))) {
                throw new Problem(ProblemKind.CONFLICT, "ALREADY_RECEIVED", "材料 " + wanted.name + " 已收取");
            }
            CaseEntity earlier = find(em, from);
            if (!earlier.applicantId.equals(c.applicantId)) {
                throw notReusable(wanted, from, "原办件不是同一申请人的");
            }
            List<MaterialDTO> earlierCatalog = catalog.get(earlier.itemCode, earlier.itemVersion).materials;
            LocalDate today = LocalDate.now(zone);
            boolean found = earlier.received.stream().filter(r -> r.source == MaterialSource.WINDOW)
                    .filter(r -> !EarlierMaterials.reusableUntil(r.receivedAt.toInstant().atZone(zone).toLocalDate(), reuseDays)
                            .isBefore(today))
                    .anyMatch(r -> earlierCatalog.stream().anyMatch(m -> m.code.equals(r.code) && EarlierMaterials.matches(wanted, m)));
            if (!found) {
                throw notReusable(wanted, from, "原办件没有在 " + reuseDays + " 天内收取过同类材料");
            }
            Date now = new Date();
            CaseMaterialEntity m = CaseMaterialEntity.fromEarlierCase(c, code, from, actor.name(), now);
            em.persist(m);
            c.received.add(m);
            c.updatedAt = now;
            CaseReads.record(em, trail, CaseReads.REUSE_MATERIAL, actor, c.caseNo, c.applicantId, "material " + code + " from case " + from);
            LOG.info("Case {}: material {} reused from case {} by {}", caseNo, code, from, actor);
            return CaseViews.full(c, pinned.materials);
        });
    }

    @Override
    public PublicStatusDTO publicStatus(String caseNo, String idSuffix) {
        String suffix = idSuffix == null ? "" : idSuffix.strip().toUpperCase(java.util.Locale.ROOT);
        if (caseNo == null || caseNo.isBlank() || !suffix.matches("[0-9A-Z]{6}")) {
            throw Problem.badRequest("INVALID_QUERY", "请输入办件编号和申请人证件号码后六位");
        }
        return tx(em -> {
            CaseEntity c = em.createQuery("SELECT c FROM CaseEntity c WHERE c.caseNo = :no", CaseEntity.class)
                    .setParameter("no", caseNo.strip()).getResultList().stream().findFirst().orElse(null);
            if (c == null || !c.applicantId.endsWith(suffix)) {
                throw Problem.notFound("CASE_NOT_FOUND", "办件编号或证件号码后六位不正确");
            }
            PublicStatusDTO status = CaseViews.publicStatus(c, c.supplementMaterials == null ? List.of()
                    : catalog.get(c.itemCode, c.itemVersion).materials.stream()
                            .filter(m -> List.of(c.supplementMaterials.split(",")).contains(m.code)).map(m -> m.name)
                            .collect(Collectors.toList()));
            CaseReads.publicStatus(em, trail, c.caseNo, c.applicantId);
            return status;
        });
    }

    private static Problem notReusable(MaterialDTO wanted, String from, String why) {
        return new Problem(ProblemKind.CONFLICT, "MATERIAL_NOT_REUSABLE", "办件 " + from + " 的材料不能用作" + wanted.name + "：" + why);
    }

    private void deliver(EntityManager em, CaseEntity c, TransitionDTO request, LocalDate today, Actor actor) {
        if (request.trackingNo != null || request.carrier != null) {
            c.deliveryMethod = "POST";
            c.carrier = required(request.carrier, "carrier", "邮寄送达须写明承运方");
            c.trackingNo = required(request.trackingNo, "trackingNo", "邮寄送达须写明运单号");
            return;
        }
        PickupCheck.Proof proof = PickupCheck.check(c.applicantId, c.agentId, c.pickupCode, request.collectorIdNumber, request.pickupCode)
                .orElse(null);
        if (proof == null) {
            // the refusal rolls the hand-out back, so it is recorded in a transaction of its own
            trail.record(AuditEvent.of(CaseReads.HAND_OUT, actor).on("CASE", c.caseNo).caseNo(c.caseNo).citizen(c.applicantId)
                    .outcome(Outcome.FAILURE).detail("pickup check failed"));
            throw Problem.badRequest("PICKUP_CHECK_FAILED", "取件核验未通过：请核对申请人或代办人身份证件号码，或取件码");
        }
        c.deliveryMethod = "WINDOW";
        c.collectedBy = switch (proof) {
            case APPLICANT_ID -> c.applicantId;
            case AGENT_ID -> c.agentId;
            case PICKUP_CODE -> null;
        };
        c.visit(today);
        CaseReads.record(em, trail, CaseReads.HAND_OUT, actor, c.caseNo, c.applicantId, "collected by " + proof);
    }

    @Override
    public CaseDTO get(String caseNo, Actor actor) {
        actor.requireAny(Actor.STAFF);
        return tx(em -> {
            CaseEntity c = find(em, caseNo);
            CaseDTO read = CaseViews.full(c, catalog.get(c.itemCode, c.itemVersion).materials);
            // last, so that the trail's head is held for the shortest time
            CaseReads.record(em, trail, CaseReads.READ_CASE, actor, c.caseNo, c.applicantId, null);
            return read;
        });
    }

    @Override
    public CaseStatus checkVisible(String caseNo, Actor actor) {
        actor.requireAny(Actor.STAFF);
        return tx(em -> find(em, caseNo).status);
    }

    @Override
    public CasePage search(CaseQuery query, Actor actor) {
        actor.requireAny(Actor.STAFF);
        QueryParams.checkPage(query.page, query.size, MAX_PAGE_SIZE);
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.status != null) {
            where.append(" AND c.status = :status");
            params.put("status", query.status);
        }
        if (query.applicant != null && !query.applicant.isBlank()) {
            where.append(" AND c.applicantId = :applicant");
            params.put("applicant", query.applicant.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (query.item != null && !query.item.isBlank()) {
            where.append(" AND c.itemCode = :item");
            params.put("item", query.item.strip());
        }
        if (query.from != null && !query.from.isBlank()) {
            where.append(" AND c.createdAt >= :from");
            params.put("from", Date.from(day(query.from, "from").atStartOfDay(zone).toInstant()));
        }
        if (query.to != null && !query.to.isBlank()) {
            where.append(" AND c.createdAt < :to");
            params.put("to", Date.from(day(query.to, "to").plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return tx(em -> {
            TypedQuery<CaseEntity> rows = em.createQuery("SELECT c FROM CaseEntity c" + where + " ORDER BY c.caseNo DESC", CaseEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + where, Long.class);
            params.forEach((k, v) -> {
                rows.setParameter(k, v);
                count.setParameter(k, v);
            });
            CasePage page = new CasePage();
            page.page = query.page;
            page.size = query.size;
            page.total = count.getSingleResult();
            page.items = rows.setFirstResult((query.page - 1) * query.size).setMaxResults(query.size).getResultList()
                    .stream().map(CaseViews::summary).collect(Collectors.toList());
            if (params.containsKey("applicant")) {
                CaseReads.record(em, trail, CaseReads.SEARCH_APPLICANT, actor, null, (String) params.get("applicant"), page.total + " cases found");
            }
            return page;
        });
    }

    @Override
    public CasePage lookUp(CaseLookupDTO lookup, Actor actor) {
        actor.requireAny(Set.of(Actor.CLERK));
        if (lookup == null) {
            throw Problem.badRequest("INVALID_LOOKUP", "q 必填：办件编号、取件码、身份证件号码、手机号码或姓名");
        }
        QueryParams.checkPage(lookup.page, lookup.size, MAX_PAGE_SIZE);
        CaseLookup.Key key = CaseLookup.key(lookup.q);
        return tx(em -> CaseLookup.find(em, trail, key, lookup.page, lookup.size, actor));
    }

    @Override
    public String noticeHtml(String caseNo, Actor actor) {
        CaseDTO c = get(caseNo, actor);
        return CaseDocuments.notice(c, node.info().districtName, LocalDate.now(zone));
    }

    @Override
    public String receiptHtml(String caseNo, Actor actor) {
        CaseDTO c = get(caseNo, actor);
        HistoryEntryDTO accepted = c.history.stream().filter(h -> h.to == CaseStatus.ACCEPTED).findFirst()
                .orElseThrow(() -> new Problem(ProblemKind.CONFLICT, "NOT_ACCEPTED", "办件 " + caseNo + " 未经受理，没有受理回执"));
        return CaseDocuments.receipt(c, node.info().districtName, Instant.parse(accepted.at).atZone(zone).toLocalDate(),
                catalog.get(c.itemCode, c.itemVersion).statutoryLimitDays);
    }

    @Override
    public IntakeStatisticsDTO statistics() {
        return tx(em -> {
            IntakeStatisticsDTO s = new IntakeStatisticsDTO();
            s.cases = em.createQuery("SELECT COUNT(c) FROM CaseEntity c", Long.class).getSingleResult();
            s.openCases = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.status NOT IN :closed", Long.class)
                    .setParameter("closed", StatusMachine.CLOSED).getSingleResult();
            s.finished = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.status = :d", Long.class)
                    .setParameter("d", CaseStatus.DELIVERED).getSingleResult();
            s.finishedInOneVisit = em.createQuery("SELECT COUNT(c) FROM CaseEntity c WHERE c.status = :d AND c.visits <= 1", Long.class)
                    .setParameter("d", CaseStatus.DELIVERED).getSingleResult();
            s.oneVisitShare = s.finished == 0 ? 0 : (double) s.finishedInOneVisit / s.finished;
            s.repeatFilings = flags(em, IntakeFlagEntity.REPEAT_FILING);
            s.materialViolations = flags(em, IntakeFlagEntity.MATERIAL_NOT_IN_CATALOG);
            return s;
        });
    }

    private static long flags(EntityManager em, String kind) {
        return em.createQuery("SELECT COUNT(f) FROM IntakeFlagEntity f WHERE f.kind = :k", Long.class)
                .setParameter("k", kind).getSingleResult();
    }

    @Override
    public String capability() {
        return "intake (综合窗口)";
    }

    @Override
    public Map<String, Object> status() {
        IntakeStatisticsDTO s = statistics();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cases", s.cases);
        out.put("open cases", s.openCases);
        out.put("delivered", s.finished);
        out.put("one visit share", String.format("%.1f %%", 100 * s.oneVisitShare));
        out.put("repeat filings", s.repeatFilings);
        out.put("material violations", s.materialViolations);
        out.put("handovers waiting", tx(em -> em.createQuery("SELECT h.state, COUNT(h) FROM HandoverEntity h WHERE h.state IN :open"
                + " GROUP BY h.state", Object[].class)
                .setParameter("open", List.of(HandoverState.PENDING, HandoverState.RETRYING, HandoverState.DEAD)).getResultList()
                .stream().map(r -> r[0] + " " + r[1]).collect(Collectors.joining(", "))).replaceFirst("^$", "none"));
        out.put("schema version", schemaVersion);
        return out;
    }

    private void refuseUnlisted(CatalogItemDTO item, List<String> codes, String caseNo, Actor actor) {
        Cases.refuseUnlisted(jpa, item, codes, caseNo, actor.name());
    }

    private static CaseEntity find(EntityManager em, String caseNo) {
        return Cases.find(em, caseNo);
    }

    /**
     * A case this district's window handles: one another district accepted and handed over to be
     * decided here (全市通办) is taken in, supplemented and handed out at that district's window.
     */
    private static CaseEntity windowCase(EntityManager em, String caseNo) {
        return windowCase(Cases.find(em, caseNo));
    }

    private static CaseEntity windowCase(CaseEntity c) {
        if (c.originDistrict != null) {
            throw new Problem(ProblemKind.CONFLICT, "FOREIGN_CASE", "办件 " + c.caseNo + " 由 " + c.originDistrict
                    + " 受理（全市通办），本区只作审批；收件、补正和出件在受理地窗口办理");
        }
        return c;
    }

    private static String required(String value, String field, String message) {
        return Cases.required(value, "INVALID_CASE", field, message);
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_QUERY", field + " 须为日期 yyyy-MM-dd，当前为 '" + value + "'");
        }
    }


    private <R> R tx(Function<EntityManager, R> work) {
        return Cases.tx(jpa, journal, work);
    }

    /** A checked intake request. */
    static final class Intake {
        String itemCode;
        PartyDTO applicant;
        PartyDTO agent;
        Channel channel;
        List<String> materials;

        static Intake check(NewCaseDTO request) {
            if (request == null) {
                throw Problem.badRequest("INVALID_CASE", "请求内容为空");
            }
            Intake i = new Intake();
            i.itemCode = required(request.itemCode, "itemCode", "事项编码");
            i.applicant = party(request.applicant, "applicant");
            i.agent = request.agent == null ? null : party(request.agent, "agent");
            i.channel = request.channel == null ? Channel.WINDOW : request.channel;
            i.materials = codes(request.materials);
            return i;
        }

        /** Material codes as typed: trimmed, blanks dropped, each once. */
        static List<String> codes(List<String> materials) {
            return materials == null ? List.of()
                    : materials.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct()
                            .collect(Collectors.toList());
        }

        private static PartyDTO party(PartyDTO in, String field) {
            if (in == null) {
                throw Problem.badRequest("INVALID_CASE", field + " 必填：申请人身份证件号码和姓名");
            }
            PartyDTO p = new PartyDTO();
            p.idType = in.idType == null ? IdType.RESIDENT_ID : in.idType;
            p.idNumber = IdNumbers.check(p.idType, in.idNumber);
            p.name = required(in.name, field + ".name", "姓名或名称");
            if (p.name.length() > 100) {
                throw Problem.badRequest("INVALID_CASE", field + ".name 不能超过 100 字");
            }
            p.phone = in.phone == null || in.phone.isBlank() ? null : in.phone.strip();
            if (p.phone != null && !p.phone.matches("[0-9+\\- ]{5,32}")) {
                throw Problem.badRequest("INVALID_CASE", field + ".phone 格式不正确");
            }
            if (Mobiles.isMobile(p.phone)) {
                // kept as digits alone, so that the window's search finds it however it was typed
                p.phone = Mobiles.normal(p.phone);
            }
            return p;
        }
    }
}
