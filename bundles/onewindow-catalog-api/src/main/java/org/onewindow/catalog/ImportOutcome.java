package org.onewindow.catalog;

/** What an import did with one item. */
public enum ImportOutcome {
    /** A new item, at version 1. */
    CREATED,
    /** A changed item: a new version, the previous one kept. */
    NEW_VERSION,
    /** Same content as the current version: nothing written. */
    UNCHANGED
}
