package org.onewindow.backup.internal;

import java.util.ArrayList;
import java.util.List;

/** The backups of the node, newest first, with the schedule and the last attempt. */
public class BackupsDTO {
    public String directory;
    public String dailyAt;
    public int keep;
    public boolean running;
    /** The last attempt (made here since the start), if any: its time, whether it succeeded, and why not. */
    public String lastAttemptAt;
    public Boolean lastSucceeded;
    public String lastError;
    public String lastGoodAt;
    public boolean overdue;
    public List<BackupDTO> backups = new ArrayList<>();
}
