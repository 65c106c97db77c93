package org.onewindow.replication.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code onewindow:replication-status}: this district's link to the hub and its backlog. */
@Command(scope = "onewindow", name = "replication-status", description = "Shows this district's link to the city hub: state, journal, acknowledged, backlog")
@Service
public class ReplicationStatusCommand implements Action {

    @Reference
    ReplicationShipper shipper;

    @Override
    public Object execute() {
        shipper.status().forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        return null;
    }
}
