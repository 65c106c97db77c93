package org.onewindow.replication.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.replication.CatalogPullDTO;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:catalog-pull}: the city's catalog from the hub, now. */
@Command(scope = "onewindow", name = "catalog-pull", description = "Pulls the city's catalog from the hub: new and changed city items are imported, local changes reported")
@Service
public class CatalogPullCommand implements Action {

    @Reference
    CityCatalogPull pull;

    @Reference
    Session session;

    @Override
    public Object execute() {
        CatalogPullDTO p = pull.pull(ShellActor.of(session));
        System.out.printf("City catalog: %d items; imported %s; differing here %s; unchanged %d; only here %d%n", p.cityItems,
                p.imported, p.localChanges, p.unchanged, p.localOnly.size());
        return null;
    }
}
