package org.onewindow.hub.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.security.Actor;

/** {@code onewindow:district-audit-accept CODE SEQ}: as a security administrator, once district IT found why the district's audit chain broke. */
@Command(scope = "onewindow", name = "district-audit-accept", description = "Accepts the break the hub refuses a district's audit trail at"
        + " (see onewindow:districts): the next record it sends is taken across it, marked; logged")
@Service
public class DistrictAuditAcceptCommand extends DistrictChangeCommand {

    @Argument(index = 1, name = "seq", required = true, description = "The number the break is at, as onewindow:districts shows it")
    long seq;

    @Override
    DistrictDTO change(String district, Actor actor) {
        return hub.acceptAuditBreak(district, seq, actor);
    }
}
