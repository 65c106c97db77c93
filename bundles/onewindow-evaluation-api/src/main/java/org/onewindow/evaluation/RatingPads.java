package org.onewindow.evaluation;

import java.util.List;

import org.onewindow.security.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The administrator's side of the rating pads: a pad is bound to a window only when the administrator types the pairing
 * code the pad shows ({@code 400 PAIRING_CODE_MISMATCH} otherwise); each binding and unbinding is audited.
 */
@ProviderType
public interface RatingPads {
    List<PadDTO> pads(Actor actor);

    PadDTO bind(long id, String pairingCode, int windowNo, Actor actor);

    void remove(long id, Actor actor);
}
