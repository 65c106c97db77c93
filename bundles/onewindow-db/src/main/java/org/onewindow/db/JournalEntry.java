package org.onewindow.db;

/** One record of the {@link ChangeJournal}. */
public class JournalEntry {
    public long seq;
    public String kind;
    public String key;
    /** The record's state as JSON. */
    public String payload;
    /** ISO-8601 instant. */
    public String writtenAt;
}
