package org.onewindow.audit;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A hash algorithm the chain may use: SHA-256 and SM3 (GB/T 32905-2016) come with the trail, known from its start;
 * another bundle may add one by registering it as a service. {@code algorithm} in
 * {@code etc/org.onewindow.audit.cfg} names the one new records use; each record names its own, so a change of
 * algorithm never breaks the chain.
 */
@ConsumerType
public interface ChainDigest {

    /** The algorithm's name as records carry it, such as {@code SHA-256}. */
    String name();

    /** The digest of {@code data}. */
    byte[] digest(byte[] data);
}
