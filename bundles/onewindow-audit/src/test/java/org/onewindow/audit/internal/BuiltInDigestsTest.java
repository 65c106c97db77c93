package org.onewindow.audit.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * The trail knows SHA-256 and SM3 from the moment it exists: a capability that appends while activating (the catalog
 * importing the demo catalog at the first start) may get the trail before any digest service is bound. Before, the
 * digests were services of their own, and a first start could fail the catalog with "SHA-256 is not installed".
 */
public class BuiltInDigestsTest {

    @Test
    public void sha256AndSm3AreKnownBeforeAnyDigestServiceIsBound() {
        JdbcAuditTrail trail = new JdbcAuditTrail();
        assertTrue(trail.knows("SHA-256"));
        assertTrue(trail.knows("SM3"));
        assertFalse(trail.knows("MD5"));
    }
}
