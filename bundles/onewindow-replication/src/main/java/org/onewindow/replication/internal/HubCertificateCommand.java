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

/** {@code onewindow:hub-certificate FINGERPRINT}: pins the hub's renewed certificate, if the hub presents exactly that one. */
@Command(scope = "onewindow", name = "hub-certificate", description = "Pins another certificate of the city hub (renewed there), named by its SHA-256 fingerprint")
@Service
public class HubCertificateCommand implements Action {

    @Argument(index = 0, name = "fingerprint", required = true, description = "The SHA-256 fingerprint the city administrator gave for the hub's new certificate")
    String fingerprint;

    @Reference
    ReplicationShipper shipper;

    @Reference
    Session session;

    @Override
    public Object execute() {
        Actor actor = ShellActor.of(session);
        actor.requireAny(Set.of(Actor.ADMIN));
        LinkStatusDTO status = shipper.pinHub(fingerprint, actor);
        System.out.printf("The hub %s is trusted by its certificate %s from now on.%n", status.hubUrl, status.hubCertificate);
        return null;
    }
}
