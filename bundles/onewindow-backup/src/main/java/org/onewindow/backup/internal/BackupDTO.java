package org.onewindow.backup.internal;

import java.util.List;

/** One backup, as listed and as answered when made. */
public class BackupDTO {
    public String name;
    public String folder;
    public String startedAt;
    public String finishedAt;
    /** Bytes of the backup whole: its folder and every scanned file it names, shared ones included. */
    public long sizeBytes;
    /** Scanned files this backup named, and how many of them it was the first to copy, with their bytes. */
    public long scans;
    public Long newScans;
    public Long newBytes;
    public long cases;
    public long journalLastSeq;
    public String release;
    /** {@code VERIFIED}: the database copy booted, every scan it names is stored, the manifest matches its checksum; {@code DAMAGED} with why. */
    public String verification;
    public String problem;
    /** Backups removed by retention after this one (only when made). */
    public List<String> removed;

    static BackupDTO of(BackupManifest m, String folder) {
        BackupDTO dto = new BackupDTO();
        dto.name = m.name();
        dto.folder = folder;
        dto.startedAt = m.startedAt();
        dto.finishedAt = m.finishedAt();
        dto.sizeBytes = m.bytes();
        dto.scans = m.objects().size();
        dto.cases = m.cases();
        dto.journalLastSeq = m.journalLastSeq();
        dto.release = m.release();
        dto.verification = "VERIFIED";
        return dto;
    }
}
