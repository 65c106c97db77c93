package org.onewindow.audit.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.ChainBreak;
import org.onewindow.audit.ChainReport;
import org.onewindow.audit.Outcome;
import org.onewindow.audit.internal.AuditorDesk;
import org.onewindow.audit.internal.JdbcAuditTrail;
import org.onewindow.shell.ShellActor;

/**
 * {@code onewindow:audit-verify}: walks the audit trail's chain and says where it breaks (the first bad number and what
 * is wrong). Shows numbers and kinds only, never what the records hold: that is the auditor's to read.
 */
@Command(scope = "onewindow", name = "audit-verify", description = "Verifies the audit trail's hash chain and says where it breaks")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    JdbcAuditTrail trail;

    @Reference
    Session session;

    @Override
    public Object execute() {
        ChainReport r = trail.verify();
        ChainBreak first = r.firstBreak();
        trail.record(AuditEvent.of(AuditorDesk.VERIFIED, ShellActor.of(session)).channel("SHELL").on("AUDIT", "#" + r.anchorSeq + "-#" + r.lastSeq)
                .outcome(first == null ? Outcome.SUCCESS : Outcome.FAILURE)
                .detail(r.checked + " records checked in " + r.millis + " ms; " + (first == null ? "intact" : r.breaks.size() + " break(s), the first " + first)));
        System.out.printf("Audit trail: records #%d to #%d (verified from the anchor #%d), %d checked in %d ms%n", r.anchorSeq + 1, r.lastSeq,
                r.anchorSeq, r.checked, r.millis);
        System.out.printf("At the city hub up to #%d%n", r.shippedSeq);
        if (first == null) {
            System.out.println("INTACT: every record follows the one before it.");
            return null;
        }
        System.out.printf("BROKEN at #%d: %s (%s)%n", first.seq, first.kind, first.detail);
        for (ChainBreak b : r.breaks.subList(1, r.breaks.size())) {
            System.out.printf("  also #%d: %s (%s)%n", b.seq, b.kind, b.detail);
        }
        System.out.println("See docs/operations.md, \"The audit trail\": what to do on a break.");
        return null;
    }
}
