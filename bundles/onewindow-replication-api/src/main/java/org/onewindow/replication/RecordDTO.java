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
}
