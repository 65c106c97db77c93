package org.onewindow.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The chain's rule, for whoever keeps a copy of a node's trail (the city hub): whether a record follows the one
 * before it. The same rule the node verifies its own trail with.
 */
@ProviderType
public interface AuditChain {

    /** The hash the first record of a trail names as its predecessor. */
    String genesis();

    /**
     * Null if {@code next} follows the record {@code prevSeq} whose hash is {@code prevHash} (number, link and its own
     * hash over its fields), else what is wrong, at {@code next}'s number.
     */
    ChainBreak follows(long prevSeq, String prevHash, AuditRecord next);
}
