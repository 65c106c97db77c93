package org.onewindow.hub.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.security.Actor;
import org.onewindow.shell.ShellActor;

/** What {@code onewindow:district-approve}, {@code -suspend}, {@code -revoke} and {@code -replace-key} share: one district, one change. */
abstract class DistrictChangeCommand implements Action {

    @Argument(index = 0, name = "code", required = true, description = "The district's six-digit code")
    String code;

    @Reference
    CityHub hub;

    @Reference
    Session session;

    abstract DistrictDTO change(String district, Actor actor);

    @Override
    public Object execute() {
        DistrictDTO d = change(code, ShellActor.of(session));
        System.out.printf("%s %s: %s, key %s%n", d.code, d.name, d.state, d.fingerprint == null ? "(shared key, not rolled over)" : d.fingerprint);
        return null;
    }
}
