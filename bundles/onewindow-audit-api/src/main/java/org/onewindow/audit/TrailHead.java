package org.onewindow.audit;

/**
 * Where the trail stands: its last record, the anchor it is verified from after pruning, and how far the city hub
 * has it.
 */
public record TrailHead(long lastSeq, String lastHash, long anchorSeq, String anchorHash, long shippedSeq) {
}
