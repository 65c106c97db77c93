package org.onewindow.intake;

/** One step of a case, as recorded (append-only). */
public class HistoryEntryDTO {
    /** ISO-8601 instant. */
    public String at;
    public String by;
    public CaseStatus from;
    public CaseStatus to;
    public String note;
}
