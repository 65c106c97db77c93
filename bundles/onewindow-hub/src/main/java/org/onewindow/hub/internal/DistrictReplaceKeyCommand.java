package org.onewindow.hub.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.security.Actor;

/** {@code onewindow:district-replace-key CODE FINGERPRINT}: as a security administrator, for a district whose appliance was reinstalled. */
@Command(scope = "onewindow", name = "district-replace-key", description = "Makes the candidate key with this fingerprint (left by the reinstalled"
        + " district's refused registration, see onewindow:districts) the district's key; its journal starts again at the hub")
@Service
public class DistrictReplaceKeyCommand extends DistrictChangeCommand {

    @Argument(index = 1, name = "fingerprint", required = true, multiValued = true,
            description = "The candidate key's fingerprint as district IT read it on the reinstalled appliance (64 hex digits)")
    List<String> fingerprint;

    @Override
    DistrictDTO change(String district, Actor actor) {
        return hub.replaceKey(district, String.join("", fingerprint), actor);
    }
}
