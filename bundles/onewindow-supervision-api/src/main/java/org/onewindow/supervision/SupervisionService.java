package org.onewindow.supervision;

import java.time.Instant;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Supervision of time limits. A job runs {@link #run} on the real clock; tests pass a clock of their
 * own. Failures are {@link org.onewindow.problem.Problem}s: {@code FORBIDDEN}, {@code INVALID_QUERY}.
 */
@ProviderType
public interface SupervisionService {

    /** Colours every open case as of {@code now} and keeps the yellow and red cards. */
    RunDTO run(Instant now);

    /** The cards of the last run and the recent violations; {@code color} and {@code department} narrow them. */
    CardBoardDTO cards(CardColor color, String department, Actor actor);

    StatisticsDTO statistics(Actor actor);
}
