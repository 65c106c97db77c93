package org.onewindow.hub.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.security.Actor;

/** {@code onewindow:district-approve CODE FINGERPRINT}: the fingerprint as district IT read it, groups of four with or without spaces. */
@Command(scope = "onewindow", name = "district-approve", description = "Approves a registered (or resumes a suspended) district whose key has the"
        + " fingerprint district IT read on its appliance (onewindow:replication-status there)")
@Service
public class DistrictApproveCommand extends DistrictChangeCommand {

    @Argument(index = 1, name = "fingerprint", required = true, multiValued = true,
            description = "The district key's SHA-256 fingerprint as district IT read it out, e.g. 3F2A 9C01 … (64 hex digits)")
    List<String> fingerprint;

    @Override
    DistrictDTO change(String district, Actor actor) {
        return hub.approve(district, String.join("", fingerprint), actor);
    }
}
