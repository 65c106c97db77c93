package org.onewindow.online;

import java.time.LocalDate;
import java.util.Map;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Payment of fees online (网上缴费). Pre-review of an application whose item has a fee makes one
 * payment order and the case waits for it; the gateway's notification (or a query of the gateway)
 * pays the order once however often it comes, and accepts the case. Failures are
 * {@link org.onewindow.problem.Problem}s: {@code PAYMENT_UNAVAILABLE}, {@code BAD_SIGNATURE},
 * {@code ORDER_NOT_FOUND}, {@code AMOUNT_MISMATCH}, {@code APPLICATION_NOT_FOUND}, {@code FORBIDDEN}.
 */
@ProviderType
public interface Payments {

    /** The citizen's order of an application, with the gateway's page while unpaid; asks the gateway when unpaid here. */
    PaymentOrderDTO order(Citizen citizen, String caseNo);

    /** A gateway notification (headers by lower-case name, raw body): returns the gateway's acknowledgement. */
    String notified(Map<String, String> headers, byte[] body);

    /** The day's reconciliation (对账): this hall's orders against the gateway's statement, and every odd notification. */
    ReconciliationDTO reconcile(LocalDate day, Actor actor);
}
