package org.onewindow.replication;

/** One thing district IT must look at after a reconciliation: {@code RESCAN}, {@code SUPERSEDED}, {@code KEPT_HERE}, {@code CHECK}, {@code CONFLICT}, {@code NOT_RESTORED}. */
public class RestoreNoteDTO {
    public String kind;
    /** The record it is about, such as a case number. */
    public String key;
    public String detail;
}
