package org.onewindow.intake;

import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The comprehensive window. Every call is one transaction; failures are
 * {@link org.onewindow.problem.Problem}s: {@code INVALID_CASE}, {@code INVALID_ID_NUMBER},
 * {@code ITEM_NOT_FOUND}, {@code MATERIAL_NOT_IN_CATALOG}, {@code CASE_NOT_FOUND},
 * {@code MATERIALS_MISSING}, {@code ILLEGAL_TRANSITION}, {@code WRONG_STATUS}, {@code PICKUP_CHECK_FAILED},
 * {@code NOT_ACCEPTED}, {@code INVALID_QUERY}, {@code FORBIDDEN}.
 */
@ProviderType
public interface IntakeService {

    /**
     * Takes in a case as a {@code DRAFT} for the item's current catalog version. Every material that
     * names a licence type the applicant holds a valid licence of is received from the licence
     * library at once (source {@code LICENCE}), when the library is installed.
     */
    CaseDTO open(NewCaseDTO request, Actor actor);

    /**
     * Receives a material from the applicant's earlier case, as the clerk confirms
     * ({@code EARLIER_CASE}): the earlier case must be the same applicant's, have received a material
     * of the same licence type or name, recently enough. {@code MATERIAL_NOT_REUSABLE} otherwise.
     */
    CaseDTO reuse(String caseNo, ReuseDTO request, Actor actor);

    /**
     * A case's status for its applicant, without login (kiosk, 自助查询): {@code idSuffix} must be
     * the last six characters of the applicant's ID number. A wrong suffix and an unknown case are
     * the same {@code CASE_NOT_FOUND}, so that neither can be told from the other. The look-up is audited.
     */
    PublicStatusDTO publicStatus(String caseNo, String idSuffix);

    /** Records more materials received for a case being taken in or supplemented. */
    CaseDTO receive(String caseNo, List<String> materials, Actor actor);

    /** Moves a case; an illegal move names the allowed ones. */
    CaseDTO transition(String caseNo, TransitionDTO request, Actor actor);

    /** A case with its materials and history; the read is audited. */
    CaseDTO get(String caseNo, Actor actor);

    /**
     * The status of a case {@code actor} may see; throws if it does not exist or may not be seen.
     * For capabilities attaching to cases.
     */
    CaseStatus checkVisible(String caseNo, Actor actor);

    CasePage search(CaseQuery query, Actor actor);

    /**
     * The cases matching the window's search box {@code lookup.q} (a case number, a pickup code, the applicant's or
     * the agent's ID number, a name or a mobile), newest first, paged; ID numbers and mobiles masked. Clerks only;
     * every search is an event of the audit trail. {@code INVALID_LOOKUP} for a key of none of these kinds.
     */
    CasePage lookUp(CaseLookupDTO lookup, Actor actor);

    /** The one-time notice (一次性告知书) as printable HTML. */
    String noticeHtml(String caseNo, Actor actor);

    /** The acceptance receipt (受理回执) as printable HTML; only for accepted cases. */
    String receiptHtml(String caseNo, Actor actor);

    IntakeStatisticsDTO statistics();
}
