package org.onewindow.replication;

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

    /** The record as shipped from the district's journal (its entry's fields, in this order). */
    public static RecordDTO of(long seq, String kind, String key, String writtenAt, String payload) {
        RecordDTO r = new RecordDTO();
        r.seq = seq;
        r.kind = kind;
        r.key = key;
        r.writtenAt = writtenAt;
        r.payload = payload;
        return r;
    }
}
