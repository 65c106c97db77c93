package org.onewindow.audit.internal;

/** What a pruning deleted, and the anchor the chain is verified from now. */
public record Pruned(long deleted, long anchorSeq) {
}
