package org.onewindow.replication;

/**
 * A reconciled district's journal goes on after {@link #rebasedAt} (at least the number the hub acknowledged): the hub
 * acknowledges that number, takes {@link #digest} as what the district continues from, and takes its batches again.
 */
public class RebaseDTO {
    public long rebasedAt;
    /** A value the district chose at random; it sends it as {@link BatchDTO#afterDigest} after the rebase. */
    public String digest;
}
