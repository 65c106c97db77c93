package org.onewindow.db;

/**
 * Something district IT must see after a restore's reconciliation: {@code kind} says what ({@link #RESCAN}, ...),
 * {@code key} the record (a case number), {@code detail} in words.
 */
public record RestoreNote(String kind, String key, String detail) {
    /** Materials handed in after the backup was taken: their scans are not on this appliance; scan the paper again. */
    public static final String RESCAN = "RESCAN";
    /** Changes made here after the restore to a record the hub held newer: kept in the history, the hub's state applied. */
    public static final String SUPERSEDED = "SUPERSEDED";
    /** A record changed here after the restore point and at the hub: this appliance's state is kept and sent to the hub. */
    public static final String KEPT_HERE = "KEPT_HERE";
    /** A restored case whose handover to a department's own system, or pickup code, did not survive: see its detail. */
    public static final String CHECK = "CHECK";
    /** The hub's record and this appliance's under one key are different things (a number issued twice): not applied. */
    public static final String CONFLICT = "CONFLICT";
    /** Records of a kind no installed capability restores. */
    public static final String NOT_RESTORED = "NOT_RESTORED";
}
