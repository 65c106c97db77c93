package org.onewindow.db;

/**
 * The disk and the database at one moment.
 *
 * @param writable whether the last write check of the database succeeded
 * @param fault {@code null} when writable, else why not: {@code STORAGE_FULL} or {@code DATABASE_READ_ONLY} (see
 *        {@code org.onewindow.problem.StorageFaults}), or {@code DATABASE_FAILED} with {@code detail}
 * @param detail what the database or the disk said, for district IT; {@code null} when writable
 * @param freeBytes usable bytes left on the filesystem of {@code data/onewindow}, -1 if unknown
 * @param totalBytes that filesystem's size, -1 if unknown
 * @param thresholdBytes below this much free space the node is {@code DISK_LOW}; 0 when not checked
 */
public record StorageState(boolean writable, String fault, String detail, long freeBytes, long totalBytes, long thresholdBytes) {

    /** Free space known and below the threshold: writes still work, but district IT must act before they fail. */
    public boolean low() {
        return thresholdBytes > 0 && freeBytes >= 0 && freeBytes < thresholdBytes;
    }
}
