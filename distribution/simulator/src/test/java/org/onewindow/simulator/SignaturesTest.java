package org.onewindow.simulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class SignaturesTest {
    private static final byte[] BODY = "{\"caseNo\":\"1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    public void knownVector() {
        // printf '%s' '1700000000.{"caseNo":"1"}' | openssl dgst -sha256 -hmac s3cret
        assertEquals("5b1da869f772cca478f521462d6ad9b32dd50ac3ec2612dffef0375882d2c81b",
                Signatures.sign("s3cret", 1_700_000_000L, BODY));
    }

    @Test
    public void verifiesWithinTheSkewOnly() {
        long now = 1_700_000_000L;
        String sig = Signatures.sign("s", now, BODY);
        assertTrue(Signatures.verify("s", Long.toString(now), sig, BODY, now + 300, 300));
        assertFalse(Signatures.verify("s", Long.toString(now), sig, BODY, now + 301, 300));
        assertFalse(Signatures.verify("s", Long.toString(now), sig, BODY, now - 301, 300));
        assertFalse(Signatures.verify("t", Long.toString(now), sig, BODY, now, 300));
        assertFalse(Signatures.verify("s", Long.toString(now + 1), sig, BODY, now, 300));
        assertFalse(Signatures.verify("s", null, sig, BODY, now, 300));
        assertFalse(Signatures.verify("s", "abc", sig, BODY, now, 300));
        assertFalse(Signatures.verify("s", Long.toString(now), null, BODY, now, 300));
    }

    @Test
    public void sha256OfTheEmptyInput() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Signatures.sha256(new byte[0]));
    }
}
