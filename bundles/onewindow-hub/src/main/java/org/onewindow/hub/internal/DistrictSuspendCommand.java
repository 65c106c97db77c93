package org.onewindow.hub.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.security.Actor;

/** {@code onewindow:district-suspend CODE}. */
@Command(scope = "onewindow", name = "district-suspend", description = "Suspends a district: its batches are refused until it is approved again")
@Service
public class DistrictSuspendCommand extends DistrictChangeCommand {

    @Override
    DistrictDTO change(String district, Actor actor) {
        return hub.suspend(district, actor);
    }
}
