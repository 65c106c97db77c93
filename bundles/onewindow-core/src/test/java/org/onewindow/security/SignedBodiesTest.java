package org.onewindow.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class SignedBodiesTest {
    private static final byte[] SECRET = "department-GA-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"caseNo\":\"310101-20261128-0001\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    public void signsTimestampDotBodyWithHmacSha256() {
        // computed independently: printf '1764288000.{"caseNo":"310101-20261128-0001"}' | openssl dgst -sha256 -hmac department-GA-secret
        assertEquals("522ff2fc479e02e2136addc43fc00de6a48cf6ba318a3cd02b4f089a9a93458d",
                SignedBodies.sign(SECRET, 1_764_288_000L, BODY));
    }

    @Test
    public void acceptsItsOwnSignatureWithinTheWindow() {
        String sig = SignedBodies.sign(SECRET, 1000, BODY);
        assertTrue(SignedBodies.verify(SECRET, "1000", sig, BODY, 1000, 300));
        assertTrue(SignedBodies.verify(SECRET, "1000", sig.toUpperCase(), BODY, 1299, 300));
    }

    @Test
    public void refusesChangedBodyWrongSecretStaleOrMissingParts() {
        String sig = SignedBodies.sign(SECRET, 1000, BODY);
        byte[] changed = "{\"caseNo\":\"310101-20261128-0002\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(SignedBodies.verify(SECRET, "1000", sig, changed, 1000, 300));
        assertFalse(SignedBodies.verify("another-secret-xyz".getBytes(StandardCharsets.UTF_8), "1000", sig, BODY, 1000, 300));
        assertFalse("replayed too late", SignedBodies.verify(SECRET, "1000", sig, BODY, 1301, 300));
        assertFalse("timestamp moved", SignedBodies.verify(SECRET, "1001", sig, BODY, 1000, 300));
        assertFalse(SignedBodies.verify(SECRET, null, sig, BODY, 1000, 300));
        assertFalse(SignedBodies.verify(SECRET, "1000", null, BODY, 1000, 300));
        assertFalse(SignedBodies.verify(SECRET, "soon", sig, BODY, 1000, 300));
    }
}
