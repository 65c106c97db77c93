package org.onewindow.intake.internal.window;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.CatalogService;
import org.onewindow.catalog.MaterialDTO;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.CaseStatus;
import org.onewindow.intake.Route;
import org.onewindow.intake.TransitionDTO;
import org.onewindow.intake.internal.cases.CaseEntity;
import org.onewindow.intake.internal.cases.CaseViews;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.intake.internal.cases.Completeness;
import org.onewindow.intake.internal.cases.IntakeUnit;
import org.onewindow.intake.internal.cases.StatusMachine;
import org.onewindow.intake.internal.cases.TimeLimits;
import org.onewindow.intake.internal.licences.LicenceLink;
import org.onewindow.intake.internal.outbox.HandoverEntity;
import org.onewindow.intake.internal.outbox.JpaHandoverOutbox;
import org.onewindow.licences.LicenceService;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moves the window makes (a plain transition, StatusMachine.checkWindowMove): accepting a case complete or
 * with materials owed (容缺), deciding an instant item, rejecting, withdrawing, taking in a supplement, handing out.
 * Each is one transaction with the case locked, its step written by {@link CaseEntity#moveTo}.
 */
record WindowMoves(IntakeUnit unit, CatalogService catalog, Supplier<LicenceService> licences, TimeLimits timeLimits,
        WindowMaterials materials, HandOut handOut, ZoneId zone) {
    private static final Logger LOG = LoggerFactory.getLogger(WindowMoves.class);
    /** Pickup codes: six digits no one can guess from the ones before. */
    private static final SecureRandom RANDOM = new SecureRandom();

    CaseDTO transition(String caseNo, TransitionDTO request, Actor actor) {
        if (request == null || request.to == null) {
            throw Problem.badRequest("INVALID_CASE", "to 必填：目标状态");
        }
        if (request.to == CaseStatus.ACCEPTED && actor.has(Actor.CLERK)) {
            materials.recheckLicences(caseNo, actor);
        }
        return unit.tx(em -> {
            // locked first, as the relay and a department's callback lock it before they touch its handovers
            CaseEntity c = Cases.windowCase(Cases.findForUpdate(em, caseNo));
            StatusMachine.checkWindowMove(c.status(), request.to, c.timeLimitDays == 0, actor);
            Instant now = InstantColumns.now();
            CatalogItemDTO pinned = catalog.get(c.itemCode, c.itemVersion);
            LocalDate today = LocalDate.now(zone);
            String note = switch (request.to) {
                case ACCEPTED -> accept(em, c, request, pinned.materials, today, now);
                case READY_FOR_PICKUP -> {
                    decideAtTheWindow(em, c, pinned, today, actor);
                    yield request.note;
                }
                case WITHDRAWN -> {
                    JpaHandoverOutbox.cancelOpen(em, c.caseNo, now);
                    yield request.note;
                }
                case REJECTED, DENIED -> {
                    String reason = IntakeRequest.required(request.reason, "reason", "不予受理或不予许可须写明理由");
                    yield request.note == null || request.note.isBlank() ? reason : reason + "；" + request.note;
                }
                case IN_REVIEW -> supplementHandedIn(em, c, request.note, today, now);
                case DELIVERED -> {
                    handOut.deliver(em, c, request, today, actor);
                    yield request.note;
                }
                default -> request.note;
            };
            LOG.info("Case {} {} -> {} by {}", c.caseNo, c.status(), request.to, actor);
            em.persist(c.moveTo(request.to, actor.name(), now, note));
            return CaseViews.full(c, pinned.materials);
        });
    }

    /**
     * Acceptance: refused while a material is missing that may not be owed; the owed ones noted (容缺受理), the pickup
     * code given, the clock started and the handover to the department put in the outbox. Answers the step's note.
     */
    private String accept(EntityManager em, CaseEntity c, TransitionDTO request, List<MaterialDTO> catalogMaterials,
            LocalDate today, Instant now) {
        List<CaseMaterialDTO> missing = CaseViews.missing(c, catalogMaterials);
        List<String> deficient = request.deficient == null ? List.of() : request.deficient;
        List<CaseMaterialDTO> blocking = Completeness.blocking(missing, deficient);
        if (!blocking.isEmpty()) {
            throw new Problem(ProblemKind.CONFLICT, "MATERIALS_MISSING", "材料不齐，不能受理：缺 "
                    + blocking.stream().map(m -> m.name).collect(Collectors.joining("、")) + "（请出具一次性告知书）",
                    blocking.stream().map(m -> new ProblemDetail(c.caseNo, m.code, m.name)).collect(Collectors.toList()));
        }
        String note = request.note;
        if (!missing.isEmpty()) {
            c.deficientMaterials = missing.stream().map(m -> m.code).collect(Collectors.joining(","));
            note = "容缺受理，待补：" + c.deficientMaterials + (note == null ? "" : "；" + note);
        }
        c.pickupCode = String.format("%06d", RANDOM.nextInt(1_000_000));
        timeLimits.start(c, today);
        if (c.timeLimitDays > 0) {
            // the outbox row commits with the acceptance: the relay hands it over, now or later
            em.persist(HandoverEntity.of(c, HandoverEntity.CASE, now));
        }
        return note;
    }

    /** An instant item (即办件) accepted a moment ago is decided at the window, and its licence issued with it. */
    private void decideAtTheWindow(EntityManager em, CaseEntity c, CatalogItemDTO pinned, LocalDate today, Actor actor) {
        if (c.status() != CaseStatus.ACCEPTED) {
            return; // a decision of the back office, ready for pickup
        }
        timeLimits.decide(c, today);
        if (pinned.resultLicenceType != null) {
            c.resultDocument = catalog.licenceType(pinned.resultLicenceType).name;
            c.licenceNo = LicenceLink.issue(licences.get(), em, c, pinned.resultLicenceType, null, null,
                    c.resultDocument, actor.name(), today);
        }
    }

    /** The supplement was handed in at the window: the clock runs again, and a department's system or district gets it. */
    private String supplementHandedIn(EntityManager em, CaseEntity c, String note, LocalDate today, Instant now) {
        c.visit(today);
        int stood = timeLimits.resume(c, today);
        c.supplementMaterials = null;
        if (c.route == Route.REMOTE || c.route == Route.CITY) {
            em.persist(HandoverEntity.of(c, HandoverEntity.SUPPLEMENT, now));
        }
        return "补正材料已交，恢复计时，期限顺延 " + stood + " 个工作日至 " + c.deadline + (note == null ? "" : "；" + note);
    }
}
