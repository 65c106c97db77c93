package org.onewindow.intake;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Cross-district handling (全市通办) as intake does it, fed by what the city hub carries. Every call is
 * one transaction and may be repeated: a message delivered twice changes nothing the second time.
 */
@ProviderType
public interface CrossDistrictCases {

    /**
     * At the deciding district: takes in another district's accepted case (or, for a supplement, what
     * the applicant brought) and hands it to its department here, through the relay's outbox.
     * {@code UNKNOWN_ITEM} when this district's catalog lacks the item, {@code WRONG_STATUS} when a
     * supplement comes for a case not awaiting one.
     */
    CaseDTO receive(CityHandoverDTO handover);

    /** At the accepting district: records in the case's history that the deciding district has it. */
    CaseDTO received(String caseNo, String deliveryKey, String district);

    /**
     * At the accepting district: applies the deciding district's decision on the delivery it answers
     * ({@code APPROVED}, {@code DENIED} or {@code SUPPLEMENT}); the licence of an approval stays in the
     * deciding district's library. {@code ALREADY_DECIDED} and {@code UNKNOWN_DELIVERY} as for a department system.
     */
    CaseDTO decided(String district, RemoteDecisionDTO decision);

    /**
     * At the accepting district: the deciding district extended the time limit (延期) to {@code deadline},
     * {@code extendedDays} working days in all; the accepting district's clock, and so its supervision,
     * follows. An extension already known changes nothing.
     */
    CaseDTO extended(String district, String caseNo, int extendedDays, String deadline, String note);

    /**
     * At the deciding district: the applicant withdrew at the accepting district's window; a case not yet
     * decided leaves the back office. Repeating it, or after a decision, changes nothing.
     */
    CaseDTO withdrawn(String caseNo, String district);
}
