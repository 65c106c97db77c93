package org.onewindow.evaluation;

import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * 差评整改: every bad rating opens a rectification of its department, worked by a supervisor of that department (one with
 * no department works for all): 核实 → 整改 (when justified) → 回访, each due a configured number of working days after the
 * step before, by the official calendar; every step is audited. A step out of turn is {@code 409 RECTIFICATION_STATE}.
 */
@ProviderType
public interface Rectifications {
    /** The actor's departments' rectifications: the open ones, most urgent first, or all opened in the last 92 days. */
    List<RectificationDTO> list(boolean openOnly, Actor actor);

    RectificationDTO get(long id, Actor actor);

    RectificationDTO verify(long id, VerificationDTO verification, Actor actor);

    RectificationDTO putRight(long id, String action, Actor actor);

    RectificationDTO followUp(long id, FollowUpDTO followUp, Actor actor);

    /** The ratings of the days {@code from}–{@code to} in the actor's departments, newest first, at most {@code limit}. */
    List<RatingDTO> ratings(String from, String to, Integer level, int limit, Actor actor);
}
