package org.onewindow.intake.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.db.ChangeJournal;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Channel;
import org.onewindow.intake.ClockDTO;
import org.onewindow.intake.DecisionDTO;
import org.onewindow.intake.ExtensionDTO;
import org.onewindow.intake.HandoverState;
import org.onewindow.intake.IntakeService;
import org.onewindow.intake.ItemStatisticsDTO;
import org.onewindow.intake.RemoteDecisionDTO;
import org.onewindow.intake.Route;
import org.onewindow.intake.SupplementDTO;
import org.onewindow.intake.ViolationDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.rest.QueryParams;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The back office on the intake tables: decisions, supplements and extensions, each one transaction. */
@Component(service = {BackOfficeService.class, JpaBackOffice.class}, configurationPid = IntakeConfig.PID)
public class JpaBackOffice implements BackOfficeService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaBackOffice.class);
    private static final int MAX_PAGE_SIZE = 200;
    /** A bound on the request alone; the item's rule (art. 42: 10) decides how many of these are allowed. */
    private static final int MAX_EXTENSION_DAYS = 365;
    private static final Set<String> REVIEWERS = Set.of(Actor.REVIEWER);

    @Reference(target = "(osgi.unit.name=onewindow-intake)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    @Reference
    CatalogService catalog;

    @Reference
    WorkingCalendar calendar;

    /** The electronic licence library, when its feature is installed: approvals of licence items issue into it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile LicenceService licences;

    /** Makes sure the intake schema is migrated before the back office touches it. */
    @Reference
    IntakeService intake;

    private volatile ZoneId zone;
    private TimeLimits timeLimits;

    @Activate
    @Modified
    void configure(IntakeConfig config) {
        zone = ZoneId.of(config.zone());
        timeLimits = new TimeLimits(calendar);
    }

    @Override
    public CasePage queue(String departmentCode, int page, int size, Actor actor) {
        actor.requireAny(REVIEWERS);
        QueryParams.checkPage(page, size, MAX_PAGE_SIZE);
        String dept = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
        if (dept != null && !actor.worksFor(dept)) {
            throw notYours(actor, dept);
        }
        if (actor.departments().isEmpty()) {
            throw new Problem(ProblemKind.FORBIDDEN, "NOT_YOUR_DEPARTMENT", "用户 " + actor + " 尚未分配部门（角色 dept-<部门编码>）");
        }
        String where = " WHERE c.status = :status AND c.route = :route";
        if (dept != null) {
            where += " AND c.departmentCode = :dept";
        } else if (!actor.worksFor(Actor.ALL_DEPARTMENTS)) {
            where += " AND c.departmentCode IN :depts";
        }
        String filter = where;
        return tx(em -> {
            TypedQuery<CaseEntity> rows = em.createQuery("SELECT c FROM CaseEntity c" + filter
                    + " ORDER BY c.deadline, c.caseNo", CaseEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseEntity c" + filter, Long.class);
            for (TypedQuery<?> q : List.of(rows, count)) {
                q.setParameter("status", CaseStatus.IN_REVIEW).setParameter("route", Route.LOCAL);
                if (dept != null) {
                    q.setParameter("dept", dept);
                } else if (!actor.worksFor(Actor.ALL_DEPARTMENTS)) {
                    q.setParameter("depts", actor.departments());
                }
            }
            CasePage out = new CasePage();
            out.page = page;
            out.size = size;
            out.total = count.getSingleResult();
            out.items = rows.setFirstResult((page - 1) * size).setMaxResults(size).getResultList().stream()
                    .map(CaseViews::summary).collect(Collectors.toList());
            return out;
        });
    }

    @Override
    public CaseDTO decide(String caseNo, DecisionDTO decision, Actor actor) {
        actor.requireAny(REVIEWERS);
        if (decision == null) {
            throw Problem.badRequest("INVALID_DECISION", "请求内容为空");
        }
        Outcome outcome = outcomeOf(decision.outcome == null ? null : decision.outcome.name(), decision.resultDocument,
                decision.licenceNo, decision.reason, decision.legalBasis);
        outcome.licenceValidTo = date(decision.licenceValidTo);
        return tx(em -> {
            CaseEntity c = reviewable(em, caseNo, actor);
            if (c.route != Route.LOCAL) {
                throw new Problem(ProblemKind.CONFLICT, "DECIDED_REMOTELY", "办件 " + caseNo + " 已送交部门审批系统，由该系统作出决定");
            }
            return outcome.apply(em, c, actor.name(), decision.note);
        });
    }

    @Override
    public CaseDTO requestSupplement(String caseNo, SupplementDTO request, Actor actor) {
        actor.requireAny(REVIEWERS);
        List<String> codes = materials(request == null ? null : request.materials);
        CaseEntity peek = tx(em -> reviewable(em, caseNo, actor));
        Cases.refuseUnlisted(jpa, catalog.get(peek.itemCode, peek.itemVersion), codes, caseNo, actor.name());
        return tx(em -> {
            CaseEntity c = reviewable(em, caseNo, actor);
            if (c.route != Route.LOCAL) {
                throw new Problem(ProblemKind.CONFLICT, "DECIDED_REMOTELY", "办件 " + caseNo + " 已送交部门审批系统，补正由该系统告知");
            }
            return supplement(em, c, codes, actor.name(), request.note);
        });
    }

    @Override
    public CaseDTO extend(String caseNo, ExtensionDTO request, Actor actor) {
        actor.requireAny(REVIEWERS);
        if (request == null || request.days < 1 || request.days > MAX_EXTENSION_DAYS) {
            throw Problem.badRequest("INVALID_EXTENSION", "days 须为 1 至 " + MAX_EXTENSION_DAYS + " 个工作日");
        }
        String reason = Cases.required(request.reason, "INVALID_EXTENSION", "reason", "延期理由");
        String approvedBy = Cases.required(request.approvedBy, "INVALID_EXTENSION", "approvedBy", "批准延期的负责人");
        LocalDate today = today();
        return tx(em -> {
            // locked: two extensions at once must not both pass the count
            CaseEntity c = Cases.findForUpdate(em, caseNo);
            reviewable(c, actor);
            ExtensionRuleDTO rule = ExtensionRuleDTO.effective(catalog.get(c.itemCode, c.itemVersion));
            ExtensionRules.check(rule, c.extensions, c.deadline, request.days, today);
            timeLimits.extend(c, request.days, today);
            return record(em, c, c.status, actor.name(), "延期 " + request.days + " 个工作日至 " + c.deadline + "：" + reason
                    + "（批准：" + approvedBy + "；第 " + c.extensions + " 次，依据" + rule.legalBasis + "）");
        });
    }

    @Override
    public CaseDTO applyRemoteDecision(String departmentCode, RemoteDecisionDTO remote) {
        String system = remote == null || remote.decidedBy == null || remote.decidedBy.isBlank() ? "" : ":" + Cases.limit(remote.decidedBy.strip(), 60);
        return applyAnswer(departmentCode, remote, Route.REMOTE, "remote:" + departmentCode + system,
                remote == null || remote.reference == null ? null : "部门受理号 " + Cases.limit(remote.reference, 100));
    }

    /**
     * Applies the answer to a delivery made {@code via} a department's system or another district; the
     * case's department is the one that answers.
     */
    CaseDTO applyAnswer(String departmentCode, RemoteDecisionDTO remote, Route via, String by, String note) {
        if (remote == null || remote.caseNo == null || remote.deliveryKey == null || remote.decision == null) {
            throw Problem.badRequest("INVALID_DECISION", "caseNo、deliveryKey、decision 必填");
        }
        boolean supplement = "SUPPLEMENT".equals(remote.decision);
        Outcome outcome = supplement ? null
                : outcomeOf(remote.decision, remote.resultDocument, remote.licenceNo, remote.reason, remote.legalBasis);
        List<String> codes = supplement ? materials(remote.materials) : List.of();
        CaseEntity peek = tx(em -> remotelyDecidable(em, departmentCode, remote, via));
        if (supplement) {
            Cases.refuseUnlisted(jpa, catalog.get(peek.itemCode, peek.itemVersion), codes, peek.caseNo, by);
        }
        return tx(em -> {
            CaseEntity c = remotelyDecidable(em, departmentCode, remote, via);
            c.reviewer = by;
            return supplement ? supplement(em, c, codes, by, note) : outcome.apply(em, c, by, note);
        });
    }

    @Override
    public List<ClockDTO> openClocks() {
        return tx(em -> em.createQuery("SELECT c.caseNo, c.itemCode, c.itemName, c.departmentCode, c.departmentName,"
                + " c.status, c.createdBy, c.reviewer, c.acceptedOn, c.deadline, c.timeLimitDays, c.extendedDays,"
                + " c.suspendedSince FROM CaseEntity c WHERE c.status IN :clocked AND c.deadline IS NOT NULL", Object[].class)
                .setParameter("clocked", StatusMachine.CLOCKED).getResultList().stream().map(JpaBackOffice::clock)
                .collect(Collectors.toList()));
    }

    private static ClockDTO clock(Object[] row) {
        ClockDTO c = new ClockDTO();
        c.caseNo = (String) row[0];
        c.itemCode = (String) row[1];
        c.itemName = (String) row[2];
        c.departmentCode = (String) row[3];
        c.departmentName = (String) row[4];
        c.status = (CaseStatus) row[5];
        c.clerk = (String) row[6];
        c.reviewer = (String) row[7];
        c.acceptedOn = String.valueOf(row[8]);
        c.deadline = String.valueOf(row[9]);
        c.allowedDays = ((Number) row[10]).intValue() + ((Number) row[11]).intValue();
        c.suspendedSince = row[12] == null ? null : row[12].toString();
        return c;
    }

    @Override
    public List<ItemStatisticsDTO> statisticsByItem() {
        return tx(em -> em.createQuery("SELECT c.departmentCode, MAX(c.departmentName), c.itemCode, MAX(c.itemName),"
                + " COUNT(c),"
                + " SUM(CASE WHEN c.decidedOn IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.inTime = 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.workingDaysUsed IS NULL THEN 0 ELSE c.workingDaysUsed END),"
                + " SUM(CASE WHEN c.timeLimitDays = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = :delivered THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = :delivered AND c.visits <= 1 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = :delivered AND c.visits = 0 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.channel = :online THEN 1 ELSE 0 END)"
                + " FROM CaseEntity c WHERE c.acceptedOn IS NOT NULL GROUP BY c.departmentCode, c.itemCode"
                + " ORDER BY c.departmentCode, c.itemCode", Object[].class)
                .setParameter("delivered", CaseStatus.DELIVERED).setParameter("online", Channel.ONLINE).getResultList().stream().map(row -> {
                    ItemStatisticsDTO s = new ItemStatisticsDTO();
                    s.departmentCode = (String) row[0];
                    s.departmentName = (String) row[1];
                    s.itemCode = (String) row[2];
                    s.itemName = (String) row[3];
                    s.accepted = number(row[4]);
                    s.decided = number(row[5]);
                    s.decidedInTime = number(row[6]);
                    s.workingDaysUsed = number(row[7]);
                    s.instant = number(row[8]);
                    s.delivered = number(row[9]);
                    s.deliveredInOneVisit = number(row[10]);
                    s.deliveredWithoutVisit = number(row[11]);
                    s.online = number(row[12]);
                    return s;
                }).collect(Collectors.toList()));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public List<ViolationDTO> violations(int limit) {
        return tx(em -> em.createQuery("SELECT f FROM IntakeFlagEntity f ORDER BY f.id DESC", IntakeFlagEntity.class)
                .setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList().stream().map(IntakeFlagEntity::toDTO)
                .collect(Collectors.toList()));
    }

    /** A case the actor's department reviews in this appliance and that is under review now. */
    private static CaseEntity reviewable(EntityManager em, String caseNo, Actor actor) {
        return reviewable(Cases.find(em, caseNo), actor);
    }

    private static CaseEntity reviewable(CaseEntity c, Actor actor) {
        if (!actor.worksFor(c.departmentCode)) {
            throw notYours(actor, c.departmentCode);
        }
        if (c.status != CaseStatus.IN_REVIEW) {
            throw wrongStatus(c);
        }
        return c;
    }

    /** A case handed over {@code via} a department's system or another district by exactly the delivery named, and not decided yet. */
    private CaseEntity remotelyDecidable(EntityManager em, String departmentCode, RemoteDecisionDTO remote, Route via) {
        CaseEntity c = Cases.findForUpdate(em, remote.caseNo);
        if (!c.departmentCode.equals(departmentCode)) {
            throw new Problem(ProblemKind.FORBIDDEN, "NOT_YOUR_DEPARTMENT", "办件 " + c.caseNo + " 不属于部门 " + departmentCode);
        }
        List<HandoverEntity> latest = em.createQuery("SELECT h FROM HandoverEntity h WHERE h.caseNo = :no ORDER BY h.id DESC",
                HandoverEntity.class).setParameter("no", c.caseNo).setMaxResults(1).getResultList();
        HandoverEntity h = latest.isEmpty() ? null : latest.get(0);
        if (h == null || !h.deliveryKey.equals(remote.deliveryKey) || h.state == HandoverState.CANCELLED
                || h.state == HandoverState.DONE && c.route != via) {
            throw new Problem(ProblemKind.CONFLICT, "UNKNOWN_DELIVERY", "办件 " + c.caseNo + " 没有待答复的送交 " + remote.deliveryKey);
        }
        if (h.state != HandoverState.DONE) {
            // the answer overtook the relay's own record of the delivery: the department has the case
            LOG.info("Decision on case {} arrived before the relay recorded its delivery {}", c.caseNo, h.deliveryKey);
            JpaHandoverOutbox.complete(em, h, c, via, remote.reference, new Date());
        }
        if (c.status != CaseStatus.IN_REVIEW) {
            throw new Problem(ProblemKind.CONFLICT, "ALREADY_DECIDED", "办件 " + c.caseNo + " 当前为 " + c.status + "，不再接受决定");
        }
        return c;
    }

    private CaseDTO supplement(EntityManager em, CaseEntity c, List<String> codes, String by, String note) {
        StatusMachine.check(c.status, CaseStatus.SUPPLEMENT_REQUESTED, false, Actor.system("back-office"));
        c.supplementMaterials = String.join(",", codes);
        c.reviewer = by;
        timeLimits.suspend(c, today());
        return record(em, c, CaseStatus.SUPPLEMENT_REQUESTED, by, "补正告知：" + String.join("、", codes) + "，暂停计时"
                + (note == null || note.isBlank() ? "" : "；" + note));
    }

    private CaseDTO record(EntityManager em, CaseEntity c, CaseStatus to, String by, String note) {
        LOG.info("Case {} {} -> {} by {}", c.caseNo, c.status, to, by);
        em.persist(c.moveTo(to, by, new Date(), Cases.limit(note, 1000)));
        return CaseViews.full(c, catalog.get(c.itemCode, c.itemVersion).materials);
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Cases.tx(jpa, journal, work);
    }

    private static List<String> materials(List<String> requested) {
        List<String> codes = requested == null ? List.of()
                : requested.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct()
                        .collect(Collectors.toList());
        if (codes.isEmpty()) {
            throw Problem.badRequest("INVALID_SUPPLEMENT", "materials 必填：须补正的材料编码（以事项目录为准）");
        }
        return codes;
    }

    private static Problem notYours(Actor actor, String department) {
        return new Problem(ProblemKind.FORBIDDEN, "NOT_YOUR_DEPARTMENT", "用户 " + actor + " 不是部门 " + department + " 的审批人员");
    }

    private static Problem wrongStatus(CaseEntity c) {
        boolean decided = c.status == CaseStatus.APPROVED || c.status == CaseStatus.DENIED
                || c.status == CaseStatus.READY_FOR_PICKUP || c.status == CaseStatus.DELIVERED;
        return new Problem(ProblemKind.CONFLICT, decided ? "ALREADY_DECIDED" : "WRONG_STATUS",
                "办件 " + c.caseNo + " 当前为 " + c.status + "，不在审查中");
    }

    /** A checked approval or denial, applied to a case under review. */
    private final class Outcome {
        final CaseStatus to;
        final String resultDocument;
        final String licenceNo;
        final String reason;
        final String legalBasis;
        String licenceValidTo;

        private Outcome(CaseStatus to, String resultDocument, String licenceNo, String reason, String legalBasis) {
            this.to = to;
            this.resultDocument = resultDocument;
            this.licenceNo = licenceNo;
            this.reason = reason;
            this.legalBasis = legalBasis;
        }

        CaseDTO apply(EntityManager em, CaseEntity c, String by, String note) {
            StatusMachine.check(c.status, to, false, Actor.system("back-office"));
            c.reviewer = by;
            c.resultDocument = resultDocument;
            c.licenceNo = licenceNo;
            c.decisionReason = reason;
            c.decisionBasis = legalBasis;
            if (to == CaseStatus.APPROVED && c.route != Route.CITY) {
                // the licence commits with the approval, or neither does; a district deciding for another
                // issues it into its own library, where the city's lookup finds it
                c.licenceNo = LicenceLink.issue(licences, em, c, catalog.get(c.itemCode, c.itemVersion).resultLicenceType,
                        licenceNo, licenceValidTo, resultDocument, by, today());
            }
            timeLimits.decide(c, today());
            String text = to == CaseStatus.APPROVED ? "准予：" + resultDocument + (c.licenceNo == null ? "" : "（证号 " + c.licenceNo + "）")
                    : "不予许可：" + reason + "（依据：" + legalBasis + "）";
            return record(em, c, to, by, text + (note == null || note.isBlank() ? "" : "；" + note));
        }
    }

    private static String date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("INVALID_DECISION", "licenceValidTo 须为日期 yyyy-MM-dd，当前为 '" + value + "'");
        }
    }

    private Outcome outcomeOf(String outcome, String resultDocument, String licenceNo, String reason, String legalBasis) {
        if ("APPROVED".equals(outcome)) {
            return new Outcome(CaseStatus.APPROVED, Cases.limit(Cases.required(resultDocument, "INVALID_DECISION",
                    "resultDocument", "准予许可的结果（决定书或证照名称）"), 500),
                    licenceNo == null || licenceNo.isBlank() ? null : Cases.limit(licenceNo.strip(), 100), null, null);
        }
        if ("DENIED".equals(outcome)) {
            return new Outcome(CaseStatus.DENIED, null, null,
                    Cases.limit(Cases.required(reason, "INVALID_DECISION", "reason", "不予许可的理由"), 1000),
                    Cases.limit(Cases.required(legalBasis, "INVALID_DECISION", "legalBasis", "不予许可的法律依据"), 500));
        }
        throw Problem.badRequest("INVALID_DECISION", "决定须为 APPROVED（准予）或 DENIED（不予许可），当前为 "
                + (outcome == null ? "空" : "'" + outcome.toUpperCase(Locale.ROOT) + "'"));
    }
}
