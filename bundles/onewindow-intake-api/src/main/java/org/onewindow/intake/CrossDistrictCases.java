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
}
