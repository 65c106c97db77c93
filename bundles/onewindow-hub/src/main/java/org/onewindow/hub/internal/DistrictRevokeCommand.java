package org.onewindow.hub.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.security.Actor;

/** {@code onewindow:district-revoke CODE}. */
@Command(scope = "onewindow", name = "district-revoke", description = "Revokes a district for good: nothing from it is accepted until it registers again and is approved")
@Service
public class DistrictRevokeCommand extends DistrictChangeCommand {

    @Override
    DistrictDTO change(String district, Actor actor) {
        return hub.revoke(district, actor);
    }
}
