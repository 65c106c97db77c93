package org.onewindow.replication.internal;

import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.replication.LinkStatusDTO;
import org.onewindow.security.Actor;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:hub-register <hubUrl>}: asks the city hub to federate this district. */
@Command(scope = "onewindow", name = "hub-register", description = "Registers this district with the city hub; a city administrator then approves it there")
@Service
public class HubRegisterCommand implements Action {

    @Argument(index = 0, name = "hubUrl", required = true, description = "The hub's base URL, e.g. https://hub.city.gov.cn:8443")
    String hubUrl;

    @Reference
    ReplicationShipper shipper;

    @Reference
    Session session;

    @Override
    public Object execute() {
        ShellActor.of(session).requireAny(Set.of(Actor.ADMIN));
        LinkStatusDTO status = shipper.register(hubUrl);
        System.out.printf("Registered with %s: %s. A city administrator approves it at the hub"
                + " (onewindow:district-approve %s); this node then fetches its key by itself.%n",
                status.hubUrl, status.state, shipper.districtCode());
        return null;
    }
}
