package org.onewindow.evaluation;

import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The list of reasons a citizen picks for a bad rating, in numbered versions: the system administrator publishes a new
 * version, citizens pick from the newest, and each rating keeps the version it used (its figures and its rectification
 * read its reasons as they were). Nothing is changed or removed in an older version.
 */
@ProviderType
public interface RatingReasons {

    /** Every version, newest first (supervisors and the system administrator). */
    List<ReasonsDTO> versions(Actor actor);

    /**
     * Publishes {@code reasons} as the next version (the system administrator), audited {@code RATING_REASONS_PUBLISHED}:
     * 1 to 20 reasons, codes of capitals, digits and {@code _} (at most 20: a rating keeps its reasons side by side), unique, labels of 1 to 50 characters,
     * at least one fitting window services and one fitting online ones; {@code 400 INVALID_REASONS} otherwise. A list
     * equal to the newest publishes nothing and answers the newest.
     */
    ReasonsDTO publish(List<ReasonsDTO.ReasonDTO> reasons, Actor actor);
}
