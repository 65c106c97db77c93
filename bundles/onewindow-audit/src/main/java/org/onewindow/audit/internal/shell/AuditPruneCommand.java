package org.onewindow.audit.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.audit.internal.JdbcAuditTrail;

/** {@code onewindow:audit-prune}: applies the retention now rather than at the next hourly run (same rules, same record). */
@Command(scope = "onewindow", name = "audit-prune", description = "Deletes audit records older than auditRetentionDays that the city hub holds, now")
@Service
public class AuditPruneCommand implements Action {

    @Reference
    JdbcAuditTrail trail;

    @Override
    public Object execute() {
        var result = trail.prune(Instant.now());
        System.out.printf("%d records deleted; the chain is verified from #%d on%n", result.deleted(), result.anchorSeq());
        return null;
    }
}
