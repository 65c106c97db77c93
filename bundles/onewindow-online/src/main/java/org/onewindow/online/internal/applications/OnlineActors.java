package org.onewindow.online.internal.applications;

import java.util.Set;

import org.onewindow.online.Citizen;
import org.onewindow.security.Actor;

/**
 * The online channel as intake and scanning see it: the front office acting for one signed-in
 * citizen (a clerk's role, on that citizen's own application only; this bundle checks whose it is).
 */
final class OnlineActors {
    private OnlineActors() {
    }

    static Actor of(Citizen citizen) {
        return new Actor(citizen.toString(), Set.of(Actor.CLERK));
    }
}
