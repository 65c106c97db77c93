package org.onewindow.intake.internal.backoffice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.calendar.WorkingCalendar;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.ExtensionRuleDTO;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.BackOfficeService;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CasePage;
import org.onewindow.intake.CaseStatus;
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
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.IntakeConfig;
import org.onewindow.intake.internal.cases.IntakeUnit;
import org.onewindow.intake.internal.cases.StatusMachine;
import org.onewindow.intake.internal.cases.TimeLimits;
import org.onewindow.intake.internal.licences.LicenceLink;
import org.onewindow.intake.internal.outbox.HandoverEntity;
import org.onewindow.intake.internal.outbox.JpaHandoverOutbox;
import org.onewindow.licences.LicenceService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office on the intake tables: decisions ({@link Decision}), supplements and extensions, each one transaction;
 * the answers of a department's system or another district applied as a reviewer's; the reads in {@link BackOfficeReads}.
 */
@Component(service = {BackOfficeService.class, JpaBackOffice.class}, configurationPid = IntakeConfig.PID)
public class JpaBackOffice implements BackOfficeService {
    private static final Logger LOG = LoggerFactory.getLogger(JpaBackOffice.class);
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
    private BackOfficeReads reads;

    @Activate
    @Modified
    void configure(IntakeConfig config) {
        zone = ZoneId.of(config.zone());
        timeLimits = new TimeLimits(calendar);
        reads = new BackOfficeReads(new IntakeUnit(jpa, journal));
    }

    @Override
    public CasePage queue(String departmentCode, int page, int size, Actor actor) {
        actor.requireAny(REVIEWERS);
        return reads.queue(departmentCode, page, size, actor);
    }

    @Override
    public CaseDTO decide(String caseNo, DecisionDTO decision, Actor actor) {
        actor.requireAny(REVIEWERS);
        if (decision == null) {
            throw Problem.badRequest("INVALID_DECISION", "请求内容为空");
        }
        Decision outcome = Decision.of(decision.outcome == null ? null : decision.outcome.name(), decision.resultDocument,
                decision.licenceNo, decision.reason, decision.legalBasis, decision.licenceValidTo);
        return tx(em -> {
            CaseEntity c = reviewable(em, caseNo, actor);
            if (c.route != Route.LOCAL) {
                throw new Problem(ProblemKind.CONFLICT, "DECIDED_REMOTELY", "办件 " + caseNo + " 已送交部门审批系统，由该系统作出决定");
            }
            return apply(em, outcome, c, actor.name(), decision.note);
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
            return record(em, c, c.status(), actor.name(), "延期 " + request.days + " 个工作日至 " + c.deadline + "：" + reason
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
    public CaseDTO applyAnswer(String departmentCode, RemoteDecisionDTO remote, Route via, String by, String note) {
        if (remote == null || remote.caseNo == null || remote.deliveryKey == null || remote.decision == null) {
            throw Problem.badRequest("INVALID_DECISION", "caseNo、deliveryKey、decision 必填");
        }
        boolean supplement = "SUPPLEMENT".equals(remote.decision);
        Decision outcome = supplement ? null
                : Decision.of(remote.decision, remote.resultDocument, remote.licenceNo, remote.reason, remote.legalBasis, null);
        List<String> codes = supplement ? materials(remote.materials) : List.of();
        CaseEntity peek = tx(em -> remotelyDecidable(em, departmentCode, remote, via));
        if (supplement) {
            Cases.refuseUnlisted(jpa, catalog.get(peek.itemCode, peek.itemVersion), codes, peek.caseNo, by);
        }
        return tx(em -> {
            CaseEntity c = remotelyDecidable(em, departmentCode, remote, via);
            c.reviewer = by;
            return supplement ? supplement(em, c, codes, by, note) : apply(em, outcome, c, by, note);
        });
    }

    @Override
    public List<ClockDTO> openClocks() {
        return reads.openClocks();
    }

    @Override
    public List<ItemStatisticsDTO> statisticsByItem() {
        return reads.statisticsByItem();
    }

    @Override
    public List<ViolationDTO> violations(int limit) {
        return reads.violations(limit);
    }

    /** A case the actor's department reviews in this appliance and that is under review now. */
    private static CaseEntity reviewable(EntityManager em, String caseNo, Actor actor) {
        return reviewable(Cases.find(em, caseNo), actor);
    }

    private static CaseEntity reviewable(CaseEntity c, Actor actor) {
        if (!actor.worksFor(c.departmentCode)) {
            throw notYours(actor, c.departmentCode);
        }
        if (c.status() != CaseStatus.IN_REVIEW) {
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
            JpaHandoverOutbox.complete(em, h, c, via, remote.reference, InstantColumns.now());
        }
        if (c.status() != CaseStatus.IN_REVIEW) {
            throw new Problem(ProblemKind.CONFLICT, "ALREADY_DECIDED", "办件 " + c.caseNo + " 当前为 " + c.status() + "，不再接受决定");
        }
        return c;
    }

    private CaseDTO supplement(EntityManager em, CaseEntity c, List<String> codes, String by, String note) {
        StatusMachine.check(c.status(), CaseStatus.SUPPLEMENT_REQUESTED, false, Actor.system("back-office"));
        c.supplementMaterials = String.join(",", codes);
        c.reviewer = by;
        timeLimits.suspend(c, today());
        return record(em, c, CaseStatus.SUPPLEMENT_REQUESTED, by, "补正告知：" + String.join("、", codes) + "，暂停计时"
                + (note == null || note.isBlank() ? "" : "；" + note));
    }

    private CaseDTO record(EntityManager em, CaseEntity c, CaseStatus to, String by, String note) {
        LOG.info("Case {} {} -> {} by {}", c.caseNo, c.status(), to, by);
        em.persist(c.moveTo(to, by, InstantColumns.now(), Cases.limit(note, 1000)));
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

    static Problem notYours(Actor actor, String department) {
        return new Problem(ProblemKind.FORBIDDEN, "NOT_YOUR_DEPARTMENT", "用户 " + actor + " 不是部门 " + department + " 的审批人员");
    }

    private static Problem wrongStatus(CaseEntity c) {
        boolean decided = c.status() == CaseStatus.APPROVED || c.status() == CaseStatus.DENIED
                || c.status() == CaseStatus.READY_FOR_PICKUP || c.status() == CaseStatus.DELIVERED;
        return new Problem(ProblemKind.CONFLICT, decided ? "ALREADY_DECIDED" : "WRONG_STATUS",
                "办件 " + c.caseNo + " 当前为 " + c.status() + "，不在审查中");
    }

    /** Applies {@code d} to a case under review: the licence of an approval issued in the same transaction. */
    private CaseDTO apply(EntityManager em, Decision d, CaseEntity c, String by, String note) {
        StatusMachine.check(c.status(), d.to(), false, Actor.system("back-office"));
        c.reviewer = by;
        c.resultDocument = d.resultDocument();
        c.licenceNo = d.licenceNo();
        c.decisionReason = d.reason();
        c.decisionBasis = d.legalBasis();
        if (d.to() == CaseStatus.APPROVED && c.route != Route.CITY) {
            // the licence commits with the approval, or neither does; a district deciding for another
            // issues it into its own library, where the city's lookup finds it
            c.licenceNo = LicenceLink.issue(licences, em, c, catalog.get(c.itemCode, c.itemVersion).resultLicenceType,
                    d.licenceNo(), d.licenceValidTo(), d.resultDocument(), by, today());
        }
        timeLimits.decide(c, today());
        return record(em, c, d.to(), by, d.note(c.licenceNo) + (note == null || note.isBlank() ? "" : "；" + note));
    }
}
