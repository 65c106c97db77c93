package org.onewindow.backup.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OneWindow backup", description = "Online backups of the node: where, when, how many kept")
@interface BackupConfig {
    String PID = "org.onewindow.backup";

    @AttributeDefinition(description = "Where backups are written (best another disk); empty means backup/ in the appliance's folder")
    String directory() default "";

    @AttributeDefinition(description = "The daily backup's local time, HH:mm; empty: no daily backup")
    String dailyAt() default "02:30";

    @AttributeDefinition(description = "How many backups are kept; older ones, and the scanned files only they held, are removed after each backup")
    int keep() default 7;

    @AttributeDefinition(description = "With a daily backup, the node is DEGRADED (BACKUP_OVERDUE) once the last good one is this many hours old")
    int overdueHours() default 26;
}
