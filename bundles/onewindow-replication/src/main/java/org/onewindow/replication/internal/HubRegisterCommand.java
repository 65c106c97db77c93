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

    @Argument(index = 1, name = "enrolmentCode", required = false,
            description = "The one-time enrolment code the city administrator issued for this district, where the hub asks for one")
    String enrolmentCode;

    @Reference
    ReplicationShipper shipper;

    @Reference
    Session session;

    @Override
    public Object execute() {
        Actor actor = ShellActor.of(session);
        actor.requireAny(Set.of(Actor.ADMIN));
        LinkStatusDTO status = shipper.register(hubUrl, enrolmentCode, actor);
        System.out.printf("Registered with %s: %s. This node's key: %s %s.%nRead the fingerprint out to the city administrator,"
                + " who approves it at the hub (onewindow:district-approve %s <fingerprint>); this node then ships by itself.%n",
                status.hubUrl, status.state, status.keyAlgorithm, status.fingerprint, shipper.districtCode());
        if (status.lastError != null) {
            System.out.printf("The hub says: %s%n", status.lastError);
        }
        return null;
    }
}
