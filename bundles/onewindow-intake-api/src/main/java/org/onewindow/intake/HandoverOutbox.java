package org.onewindow.intake;

import java.time.Instant;
import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The transactional outbox of handovers: a case accepted at the window is written here in the same
 * transaction, and the relay takes it to its department. Nothing is lost while no relay runs.
 */
@ProviderType
public interface HandoverOutbox {

    /** Handovers due at {@code now} (pending, or retrying with their time come), oldest first. */
    List<HandoverDTO> due(Instant now, int limit);

    /**
     * Records a handover as done and puts the case under review, routed as given. A handover of a case
     * withdrawn meanwhile is cancelled instead. Doing it twice changes nothing the second time.
     */
    HandoverDTO handedOver(long id, Route route, String remoteReference);

    /** Records a failed attempt: retried at {@code nextAttempt}, or dead when {@code nextAttempt} is null. */
    HandoverDTO failed(long id, String error, Instant nextAttempt);

    /**
     * Brings the retrying handovers of a department forward to now: its system answers again, so the
     * backlog need not wait out the back-off. Returns how many.
     */
    int expedite(String departmentCode);

    HandoverPage list(HandoverState state, int page, int size, Actor actor);

    /** Puts a dead (or retrying) handover back to pending, to be tried at once. */
    HandoverDTO retry(long id, Actor actor);

    /** Puts every dead handover back to pending; returns how many. */
    int retryAllDead(Actor actor);
}
