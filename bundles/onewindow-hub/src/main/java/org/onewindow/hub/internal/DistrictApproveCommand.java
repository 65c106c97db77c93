package org.onewindow.hub.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.security.Actor;

/** {@code onewindow:district-approve CODE}. */
@Command(scope = "onewindow", name = "district-approve", description = "Approves a registered (or resumes a suspended) district; it then fetches its key by itself")
@Service
public class DistrictApproveCommand extends DistrictChangeCommand {

    @Override
    DistrictDTO change(String district, Actor actor) {
        return hub.approve(district, actor);
    }
}
