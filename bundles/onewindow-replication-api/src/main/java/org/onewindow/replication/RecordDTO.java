package org.onewindow.replication;

import org.onewindow.db.JournalEntry;

/** One journal record of a district, as shipped. */
public class RecordDTO {
    /** The district's journal sequence number: gap-free, in commit order. */
    public long seq;
    /** {@code CASE}, {@code LICENCE}, ... */
    public String kind;
    /** The record's identity within its kind, e.g. the case number. */
    public String key;
    /** When the district wrote it, ISO-8601. */
    public String writtenAt;
    /** The record's whole state, as JSON text. */
    public String payload;

    /** The record as shipped from the district's journal. */
    public static RecordDTO of(JournalEntry e) {
        RecordDTO r = new RecordDTO();
        r.seq = e.seq;
        r.kind = e.kind;
        r.key = e.key;
        r.writtenAt = e.writtenAt;
        r.payload = e.payload;
        return r;
    }
}
