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

    @org.apache.karaf.shell.api.action.Option(name = "--fingerprint", description = "The SHA-256 fingerprint of the hub's certificate,"
            + " as the city administrator gave it; without it, the command shows the certificate and asks")
    String fingerprint;

    @Reference
    ReplicationShipper shipper;

    @Reference
    Session session;

    @Override
    public Object execute() throws java.io.IOException {
        Actor actor = ShellActor.of(session);
        actor.requireAny(Set.of(Actor.ADMIN));
        LinkStatusDTO status;
        try {
            status = shipper.register(hubUrl, enrolmentCode, fingerprint, actor);
        } catch (org.onewindow.problem.Problem p) {
            if (!"HUB_CERTIFICATE_UNCONFIRMED".equals(p.code())) {
                throw p;
            }
            // trust on first use, as SSH's known hosts: show the certificate, take it only when a person confirms it
            String presented = p.details().get(0).message;
            System.out.printf("The hub at %s presents this certificate:%n", hubUrl);
            p.details().forEach(d -> System.out.printf("  %-12s %s%n", d.field, d.message));
            System.out.println("Compare the SHA-256 fingerprint with the one the city administrator gives you (by phone, on paper).");
            String answer = session.readLine("Is it the same? Type yes to pin it: ", null);
            if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                System.out.println("Not registered: nothing was sent to the hub.");
                return null;
            }
            status = shipper.register(hubUrl, enrolmentCode, presented, actor);
        }
        System.out.printf("Registered with %s: %s. This node's key: %s %s.%nRead the fingerprint out to the city administrator,"
                + " who approves it at the hub (onewindow:district-approve %s <fingerprint>); this node then ships by itself.%n",
                status.hubUrl, status.state, status.keyAlgorithm, status.fingerprint, shipper.districtCode());
        System.out.printf("The hub's certificate: %s%n", status.hubCertificate == null ? "none (plain HTTP: a test or the demo only)"
                : "pinned, SHA-256 " + status.hubCertificate);
        if (status.lastError != null) {
            System.out.printf("The hub says: %s%n", status.lastError);
        }
        return null;
    }
}
