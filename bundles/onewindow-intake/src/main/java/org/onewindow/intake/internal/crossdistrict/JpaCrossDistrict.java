package org.onewindow.intake.internal.crossdistrict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.CityHandoverDTO;
import org.onewindow.intake.CrossDistrictCases;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.RemoteDecisionDTO;
import org.onewindow.intake.Route;
import org.onewindow.intake.TimeLimitDTO;
import org.onewindow.intake.internal.backoffice.JpaBackOffice;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseMaterialEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeConfig;
import org.onewindow.intake.internal.cases.StatusMachine;
import org.onewindow.intake.internal.outbox.HandoverEntity;
import org.onewindow.intake.internal.outbox.JpaHandoverOutbox;
import org.onewindow.node.NodeService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 全市通办 on the intake tables: a case another district accepted becomes a case of this back office
 * under its own number (kept apart by {@code ORIGIN_DISTRICT}); the accepting district records the
 * deciding district's receipt and applies its decision as it would a department system's.
 */
@Component(service = CrossDistrictCases.class, configurationPid = IntakeConfig.PID)
public class JpaCrossDistrict implements CrossDistrictCases {
    private static final Logger LOG = LoggerFactory.getLogger(JpaCrossDistrict.class);
    /** The hall's zone: the day an extension arrived is the hall's day. */
    private volatile ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Activate
    @Modified
    void configure(IntakeConfig config) {
        zone = ZoneId.of(config.zone());
    }

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    @Reference
    CatalogService catalog;

    @Reference
    NodeService node;

    @Reference
    JpaBackOffice backOffice;

    @Override
    public CaseDTO receive(CityHandoverDTO handover) {
        CaseDTO f = checked(handover);
        String by = "city:" + handover.fromDistrict;
        if (HandoverEntity.SUPPLEMENT.equals(handover.purpose)) {
            return tx(em -> supplement(em, handover, f, by));
        }
        // this district decides by its own current version of the item: the city's catalog is one standard
        CatalogItemDTO item = catalog.get(f.itemCode);
        return tx(em -> {
            List<CaseEntity> existing = em.createQuery("SELECT c FROM CaseEntity c WHERE c.caseNo = :no", CaseEntity.class)
                    .setParameter("no", f.caseNo).getResultList();
            if (!existing.isEmpty()) {
                CaseEntity c = existing.get(0);
                if (!handover.fromDistrict.equals(c.originDistrict)) {
                    throw new Problem(ProblemKind.CONFLICT, "CASE_NUMBER_TAKEN", "本区已有办件 " + f.caseNo);
                }
                return CaseViews.full(c, item(c).materials);
            }
            CaseEntity c = accepted(f, item, handover, by);
            em.persist(c);
            em.persist(HandoverEntity.of(c, HandoverEntity.CASE, c.createdAt));
            LOG.info("Case {} of district {} received through the city hub for {} ({})", c.caseNo, handover.fromDistrict,
                    c.departmentCode, c.itemCode);
            return CaseViews.full(c, item.materials);
        });
    }

    private static CaseEntity accepted(CaseDTO f, CatalogItemDTO item, CityHandoverDTO handover, String by) {
        Instant now = InstantColumns.now();
        CaseEntity c = new CaseEntity();
        c.caseNo = f.caseNo;
        c.pin(item);
        c.timeLimitDays = f.timeLimitDays;
        c.channel = f.channel;
        c.parties(f.applicant, f.agent);
        // the applicant was promised the accepting district's deadline: it is the one this back office keeps
        clock(c, f.timeLimit);
        c.originDistrict = handover.fromDistrict;
        c.originDelivery = handover.deliveryKey;
        c.createdAt = now;
        c.createdBy = by;
        received(c, f.materials, by, now);
        // a new case: its first step is persisted with it
        c.moveTo(CaseStatus.ACCEPTED, by, now, "全市通办：" + handover.fromDistrict + " 于 "
                + c.acceptedOn + " 受理，经市级枢纽转来本区审批，期限至 " + c.deadline + "；结果由受理地窗口送达");
        return c;
    }

    private CaseDTO supplement(EntityManager em, CityHandoverDTO handover, CaseDTO f, String by) {
        CaseEntity c = Cases.findForUpdate(em, f.caseNo);
        if (!handover.fromDistrict.equals(c.originDistrict)) {
            throw new Problem(ProblemKind.CONFLICT, "CASE_NUMBER_TAKEN", "办件 " + f.caseNo + " 不是 " + handover.fromDistrict + " 转来的");
        }
        if (handover.deliveryKey.equals(c.originDelivery)) {
            return CaseViews.full(c, item(c).materials);
        }
        if (c.status() != CaseStatus.SUPPLEMENT_REQUESTED) {
            throw new Problem(ProblemKind.CONFLICT, "WRONG_STATUS", "办件 " + c.caseNo + " 当前为 " + c.status() + "，不在等待补正");
        }
        Instant now = InstantColumns.now();
        received(c, f.materials, by, now).forEach(em::persist);
        clock(c, f.timeLimit);
        c.supplementMaterials = null;
        c.originDelivery = handover.deliveryKey;
        if (c.route == Route.REMOTE) {
            em.persist(HandoverEntity.of(c, HandoverEntity.SUPPLEMENT, now));
        }
        em.persist(c.moveTo(CaseStatus.IN_REVIEW, by, now,
                "补正材料已在 " + handover.fromDistrict + " 交齐，经市级枢纽转来，恢复计时，期限至 " + c.deadline));
        return CaseViews.full(c, item(c).materials);
    }

    /** Adds the materials received at the accepting window that this copy lacks; returns those added. */
    private static List<CaseMaterialEntity> received(CaseEntity c, List<CaseMaterialDTO> materials, String by, Instant now) {
        Set<String> have = c.received.stream().map(m -> m.code).collect(Collectors.toSet());
        List<CaseMaterialEntity> added = (materials == null ? List.<CaseMaterialDTO>of() : materials).stream()
                .filter(m -> m != null && m.code != null && m.received && !have.contains(m.code)).map(m -> {
                    CaseMaterialEntity e = CaseMaterialEntity.of(c, Cases.limit(m.code, 64), by, now);
                    if (m.source != null) {
                        e.source = m.source;
                    }
                    e.licenceType = Cases.limit(m.licenceType, 64);
                    e.licenceNo = Cases.limit(m.licenceNo, 100);
                    e.fromCaseNo = Cases.limit(m.fromCaseNo, 40);
                    return e;
                }).collect(Collectors.toList());
        c.received.addAll(added);
        return added;
    }

    private static void clock(CaseEntity c, TimeLimitDTO limit) {
        c.acceptedOn = date(limit.acceptedOn, "timeLimit.acceptedOn");
        c.deadline = date(limit.deadline, "timeLimit.deadline");
        c.suspendedDays = limit.suspendedDays;
        c.extendedDays = limit.extendedDays;
        c.extensions = limit.extensions;
        c.extendedOn = limit.extendedOn == null ? null : date(limit.extendedOn, "timeLimit.extendedOn");
        c.suspendedSince = null;
    }

    @Override
    public CaseDTO received(String caseNo, String deliveryKey, String district) {
        return tx(em -> {
            CaseEntity c = Cases.findForUpdate(em, caseNo);
            List<HandoverEntity> sent = em.createQuery("SELECT h FROM HandoverEntity h WHERE h.caseNo = :no AND h.deliveryKey = :key",
                    HandoverEntity.class).setParameter("no", caseNo).setParameter("key", deliveryKey).getResultList();
            if (sent.isEmpty()) {
                throw new Problem(ProblemKind.CONFLICT, "UNKNOWN_DELIVERY", "办件 " + caseNo + " 没有送交 " + deliveryKey);
            }
            HandoverEntity h = sent.get(0);
            if (h.acknowledgedAt == null) {
                Instant now = InstantColumns.now();
                h.acknowledgedAt = now;
                c.updatedAt = now;
                em.persist(c.note("city:" + district, now,
                        district + " 已接收" + (HandoverEntity.SUPPLEMENT.equals(h.purpose) ? "补正材料" : "，进入其后台审批") + "（全市通办）"));
            }
            return CaseViews.full(c, item(c).materials);
        });
    }

    @Override
    public CaseDTO decided(String district, RemoteDecisionDTO decision) {
        if (decision == null || decision.caseNo == null) {
            throw Problem.badRequest("INVALID_DECISION", "caseNo 必填");
        }
        String department = tx(em -> Cases.find(em, decision.caseNo).departmentCode);
        String who = decision.decidedBy == null || decision.decidedBy.isBlank() ? "" : ":" + Cases.limit(decision.decidedBy.strip(), 60);
        return backOffice.applyAnswer(department, decision, Route.CITY, "city:" + district + who,
                "由 " + district + " 审批（全市通办），经市级枢纽送回");
    }

    @Override
    public CaseDTO extended(String district, String caseNo, int extendedDays, String deadline, String note) {
        LocalDate until = date(deadline, "deadline");
        return tx(em -> {
            CaseEntity c = Cases.findForUpdate(em, caseNo);
            if (c.route == Route.CITY && StatusMachine.CLOCKED.contains(c.status()) && extendedDays > c.extendedDays) {
                c.extendedDays = extendedDays;
                c.extensions++;
                c.deadline = until;
                c.updatedAt = InstantColumns.now();
                // the day the deciding district's extension arrived here, which the receipt prints
                c.extendedOn = c.updatedAt.atZone(zone).toLocalDate();
                em.persist(c.note("city:" + district, c.updatedAt,
                        Cases.limit(district + " 延期，期限至 " + until + "（共延长 " + extendedDays + " 个工作日）"
                                + (note == null || note.isBlank() ? "" : "：" + note), 1000)));
            }
            return CaseViews.full(c, item(c).materials);
        });
    }

    @Override
    public CaseDTO withdrawn(String caseNo, String district) {
        return tx(em -> {
            CaseEntity c = Cases.findForUpdate(em, caseNo);
            if (!district.equals(c.originDistrict)) {
                throw new Problem(ProblemKind.CONFLICT, "CASE_NUMBER_TAKEN", "办件 " + caseNo + " 不是 " + district + " 转来的");
            }
            if (StatusMachine.CLOCKED.contains(c.status())) {
                Instant now = InstantColumns.now();
                JpaHandoverOutbox.cancelOpen(em, caseNo, now);
                em.persist(c.moveTo(CaseStatus.WITHDRAWN, "city:" + district, now,
                        "申请人已在受理地 " + district + " 撤回申请（全市通办），本区不再审批"));
                LOG.info("Case {} withdrawn at district {}: it leaves this back office", caseNo, district);
            }
            return CaseViews.full(c, item(c).materials);
        });
    }

    private CaseDTO checked(CityHandoverDTO h) {
        if (h == null || h.caseFile == null || h.deliveryKey == null || h.deliveryKey.isBlank() || h.deliveryKey.length() > 80
                || h.fromDistrict == null || !h.fromDistrict.matches("\\d{6}")) {
            throw Problem.badRequest("INVALID_HANDOVER", "fromDistrict（6 位）、deliveryKey、caseFile 必填");
        }
        if (!HandoverEntity.CASE.equals(h.purpose) && !HandoverEntity.SUPPLEMENT.equals(h.purpose)) {
            throw Problem.badRequest("INVALID_HANDOVER", "purpose 须为 CASE 或 SUPPLEMENT");
        }
        CaseDTO f = h.caseFile;
        PartyDTO applicant = f.applicant;
        if (f.caseNo == null || !f.caseNo.startsWith(h.fromDistrict + "-") || f.caseNo.length() > 40 || f.itemCode == null
                || applicant == null || applicant.idNumber == null || applicant.idType == null || f.channel == null || f.timeLimit == null) {
            throw Problem.badRequest("INVALID_HANDOVER", "办件须有 " + h.fromDistrict + " 的编号、事项、申请人、渠道和时限");
        }
        if (h.fromDistrict.equals(node.info().districtCode)) {
            throw Problem.badRequest("INVALID_HANDOVER", "办件 " + f.caseNo + " 是本区受理的");
        }
        return f;
    }

    private CatalogItemDTO item(CaseEntity c) {
        return catalog.get(c.itemCode, c.itemVersion);
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw Problem.badRequest("INVALID_HANDOVER", field + " 须为日期 yyyy-MM-dd");
        }
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Cases.tx(jpa, journal, work);
    }
}
