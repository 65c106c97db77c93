package org.onewindow.audit;

/** What is wrong where the chain breaks. */
public enum BreakKind {
    /** The record's fields no longer give its hash: it was changed after it was written. */
    CHANGED,
    /** Records are missing: a gap in the numbers, or a record naming a predecessor the trail does not hold. */
    MISSING,
    /** The record is intact but out of place: the record it names as its predecessor sits elsewhere. */
    REORDERED,
    /** The record's hash algorithm is not installed on this node: it cannot be checked here. */
    UNVERIFIABLE
}
