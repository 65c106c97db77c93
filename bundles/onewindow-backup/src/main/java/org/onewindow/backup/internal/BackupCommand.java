package org.onewindow.backup.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.shell.ShellActor;

/** {@code onewindow:backup}: makes an online backup now, or lists them. */
@Command(scope = "onewindow", name = "backup", description = "Makes an online backup of this node now (database, scans, keys, etc/), or lists the backups")
@Service
public class BackupCommand implements Action {

    @Option(name = "--list", description = "List the backups instead of making one")
    boolean list;

    @Reference
    BackupService backups;

    @Reference
    Session session;

    @Override
    public Object execute() {
        if (list) {
            BackupsDTO all = backups.list(ShellActor.of(session));
            System.out.printf("Directory %s; daily at %s, keep %d; last good backup %s%s%n", all.directory, all.dailyAt == null ? "off" : all.dailyAt,
                    all.keep, all.lastGoodAt == null ? "none" : all.lastGoodAt, all.overdue ? " (OVERDUE)" : "");
            if (Boolean.FALSE.equals(all.lastSucceeded)) {
                System.out.println("Last attempt " + all.lastAttemptAt + " FAILED: " + all.lastError);
            }
            for (BackupDTO b : all.backups) {
                System.out.printf("  %-20s %-9s %s  %,d cases  %,d scans  %,d bytes  journal %d%s%n", b.name, b.verification,
                        b.finishedAt == null ? "-" : b.finishedAt, b.cases, b.scans, b.sizeBytes, b.journalLastSeq, b.problem == null ? "" : "  " + b.problem);
            }
            return null;
        }
        BackupDTO b = backups.backup(ShellActor.of(session));
        System.out.printf("Backup %s made in %s%n  %,d cases, %,d scans (%,d new, %,d bytes new), journal at %d, %,d bytes in all%n", b.name, b.folder,
                b.cases, b.scans, b.newScans, b.newBytes, b.journalLastSeq, b.sizeBytes);
        System.out.printf("  started %s, finished %s%n", b.startedAt, b.finishedAt);
        if (b.removed != null && !b.removed.isEmpty()) {
            System.out.println("  removed by retention: " + String.join(", ", b.removed));
        }
        return null;
    }
}
