package org.onewindow.intake;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends a handover through the city hub to the district whose back office decides it (全市通办);
 * provided by cross-district handling, used by the relay for departments routed {@link Route#CITY}.
 */
@ConsumerType
public interface CityHandovers {

    /**
     * Sends the case of {@code handover}, with its scanned files, to {@code district}; returns the hub's
     * reference. Sending the same delivery again is answered as the first time. Failures are
     * {@link org.onewindow.problem.Problem}s; those of kind {@code UNAVAILABLE} pass with time.
     */
    String send(HandoverDTO handover, String district);
}
