package org.onewindow.access.internal.secondfactor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.Test;

public class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 seed and its eight-digit codes. */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    public void rfc6238TestVectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] codes = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            assertEquals(codes[i], Totp.code(SEED, Totp.step(Instant.ofEpochSecond(times[i])), 8, "HmacSHA1"));
        }
    }

    @Test
    public void sixDigitCodesMatchTheirStepAndItsNeighboursOnly() {
        Instant now = Instant.ofEpochSecond(1234567890L);
        long step = Totp.step(now);
        String current = Totp.code(SEED, step);
        assertEquals(6, current.length());
        assertEquals(step, Totp.match(SEED, current, now).getAsLong());
        assertEquals(step - 1, Totp.match(SEED, Totp.code(SEED, step - 1), now).getAsLong());
        assertEquals(step + 1, Totp.match(SEED, Totp.code(SEED, step + 1), now).getAsLong());
        assertFalse(Totp.match(SEED, Totp.code(SEED, step - 2), now).isPresent());
        assertFalse(Totp.match(SEED, "12345", now).isPresent());
        assertFalse(Totp.match(SEED, null, now).isPresent());
        assertTrue(Totp.validUntil(step).isAfter(now.plusSeconds(30)));
    }

    @Test
    public void recoveryCodesAreTenLongRandomAndHashedAsTyped() {
        var codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        assertEquals(10, codes.stream().distinct().count());
        String c = codes.get(0);
        assertTrue(c.matches("[2-9a-z]{5}-[2-9a-z]{5}"));
        assertEquals(RecoveryCodes.hash(c), RecoveryCodes.hash(c.toUpperCase().replace("-", " ")));
        assertTrue(RecoveryCodes.looksLikeOne(c));
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
    }

    @Test
    public void theEnrolmentUriIsWhatAuthenticatorAppsRead() {
        String uri = SecondFactors.uri("OneWindow 惠城区", "admin", "JBSWY3DPEHPK3PXP");
        assertTrue(uri, uri.startsWith("otpauth://totp/OneWindow%20%E6%83%A0%E5%9F%8E%E5%8C%BA:admin?secret=JBSWY3DPEHPK3PXP&issuer=OneWindow%20"));
        assertTrue(uri.endsWith("&algorithm=SHA1&digits=6&period=30"));
        String svg = QrCodes.svg(uri);
        assertTrue(svg.startsWith("<svg") && svg.contains("<path"));
    }
}
