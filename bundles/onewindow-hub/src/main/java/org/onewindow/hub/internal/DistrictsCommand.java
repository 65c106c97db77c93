package org.onewindow.hub.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.replication.KeyCandidateDTO;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:districts}: the federated districts with their last contact, lag and backlog. */
@Command(scope = "onewindow", name = "districts", description = "Lists the districts federated with this hub: state, last contact, replication lag, backlog, version, key fingerprint and candidates")
@Service
public class DistrictsCommand implements Action {

    @Reference
    CityHub hub;

    @Reference
    Session session;

    @Override
    public Object execute() {
        System.out.printf("%-7s %-10s %-10s %-25s %9s %8s %8s %-14s %7s %s%n", "CODE", "NAME", "STATE", "LAST CONTACT", "LAG MS", "BACKLOG",
                "CASES", "VERSION", "REFUSED", "INBOX");
        for (DistrictDTO d : hub.districts(ShellActor.of(session))) {
            System.out.printf("%-7s %-10s %-10s %-25s %9s %8d %8d %-14s %7d %d%n", d.code, d.name, d.state,
                    d.lastContact == null ? "-" : d.lastContact, d.lagMillis == null ? "-" : d.lagMillis, d.backlog, d.cases,
                    d.version == null ? "-" : d.version, d.refusals, d.inbox);
            // the key: what the city administrator compares with district IT before approving
            System.out.printf("        key %s %s%n", d.keyAlgorithm == null ? "-" : d.keyAlgorithm,
                    d.fingerprint == null ? (d.legacyKey ? "(shared key: rolls over at the district's next start)" : "-") : d.fingerprint);
            // the audit trail: held up to, or refused from a break (accepted with onewindow:district-audit-accept)
            System.out.printf("        audit trail held up to #%d%s%n", d.auditSeq, d.auditBreak == null ? ""
                    : "; REFUSED from " + d.auditBreak + " (onewindow:district-audit-accept " + d.code + " <seq>, once district IT found why)");
            if (d.rewound != null) {
                // a district restored from an older copy: refused until it has taken back its records and rebased
                System.out.printf("        journal REWOUND since %s: refused until the district reconciles (it does so by itself)%n", d.rewound);
            } else if (d.reconciledAt != null) {
                System.out.printf("        journal reconciled after a restore at %s%n", d.reconciledAt);
            }
            for (KeyCandidateDTO k : d.candidates) {
                System.out.printf("        candidate %s %s (%s %s, %s): refused registration; onewindow:district-replace-key %s <fingerprint>%n",
                        k.algorithm, k.fingerprint, k.name, k.version == null ? "" : k.version, k.arrivedAt, d.code);
            }
        }
        return null;
    }
}
