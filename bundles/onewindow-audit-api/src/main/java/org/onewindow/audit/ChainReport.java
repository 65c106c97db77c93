package org.onewindow.audit;

import java.util.ArrayList;
import java.util.List;

/** The result of walking the chain: whether it holds, and if not, where and how it breaks (the first break first). */
public class ChainReport {
    public boolean intact;
    /** Records checked. */
    public long checked;
    /** Where the walk started: the last pruned record (0 and the genesis hash before any pruning). */
    public long anchorSeq;
    public String anchorHash;
    /** The last record the head names (the walk stops there; later appends are not looked at). */
    public long lastSeq;
    /** Records up to this number are at the city hub (0: none, or the node ships to no hub). */
    public long shippedSeq;
    /** Every break found, in order, at most {@link #MAX_BREAKS}. */
    public List<ChainBreak> breaks = new ArrayList<>();
    /** How long the walk took, in milliseconds. */
    public long millis;

    /** Breaks listed at most; after the first the walk goes on from the broken record, to report every place touched. */
    public static final int MAX_BREAKS = 100;

    /** The first break, or null when the chain holds. */
    public ChainBreak firstBreak() {
        return breaks.isEmpty() ? null : breaks.get(0);
    }
}
