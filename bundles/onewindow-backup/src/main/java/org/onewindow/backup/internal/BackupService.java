package org.onewindow.backup.internal;

import org.onewindow.security.Actor;

/** Online backups of this node (the REST resource's and the shell command's; the daily schedule's too). */
public interface BackupService {
    String ACTION = "BACKUP";

    /** Makes a backup now; refused with 409 {@code BACKUP_RUNNING} while another one is being made. */
    BackupDTO backup(Actor actor);

    /** The backups in the directory, newest first, and the state of the schedule. */
    BackupsDTO list(Actor actor);
}
