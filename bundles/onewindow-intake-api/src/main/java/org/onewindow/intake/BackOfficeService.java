package org.onewindow.intake;

import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The back office (后台分类审批): reviewers decide the cases of their departments within the time
 * limit, which counts working days of the official calendar. Every call is one transaction; failures
 * are {@link org.onewindow.problem.Problem}s: {@code CASE_NOT_FOUND}, {@code WRONG_STATUS},
 * {@code NOT_YOUR_DEPARTMENT}, {@code INVALID_DECISION}, {@code MATERIAL_NOT_IN_CATALOG},
 * {@code ALREADY_DECIDED}, {@code UNKNOWN_DELIVERY}, {@code FORBIDDEN}.
 */
@ProviderType
public interface BackOfficeService {

    /** Cases waiting for the actor's departments in this appliance, oldest deadline first. */
    CasePage queue(String departmentCode, int page, int size, Actor actor);

    /** Approves or denies a case under local review. */
    CaseDTO decide(String caseNo, DecisionDTO decision, Actor actor);

    /**
     * Asks for materials of the catalog (补正) and stops the clock until the window hands them in; a
     * material the catalog does not list is refused and recorded as a violation (R3).
     */
    CaseDTO requestSupplement(String caseNo, SupplementDTO request, Actor actor);

    /** Extends the time limit of a case under review (延期). */
    CaseDTO extend(String caseNo, ExtensionDTO request, Actor actor);

    /**
     * Applies the decision a department's own system sent back for a case handed over to it. A
     * decision for a case of another department, not handed over remotely, for another delivery, or
     * already decided is refused and changes nothing.
     */
    CaseDTO applyRemoteDecision(String departmentCode, RemoteDecisionDTO decision);

    /** The clocks of all open accepted cases (accepted, under review, awaiting a supplement). */
    List<ClockDTO> openClocks();

    /** Case figures per item and department since the beginning. */
    List<ItemStatisticsDTO> statisticsByItem();

    /** The most recent violations first. */
    List<ViolationDTO> violations(int limit);
}
