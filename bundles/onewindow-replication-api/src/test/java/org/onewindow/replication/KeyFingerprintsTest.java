package org.onewindow.replication;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** Fingerprints are the SHA-256 of the encoded key, read in groups of four, and compared however they were typed. */
public class KeyFingerprintsTest {

    @Test
    public void aFingerprintIsTheSha256OfTheEncodingInGroupsOfFour() {
        // SHA-256 of "abc" (FIPS 180-2)
        String hex = KeyFingerprints.of("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", hex);
        String grouped = KeyFingerprints.grouped(hex);
        assertEquals("BA78 16BF 8F01 CFEA 4141 40DE 5DAE 2223 B003 61A3 9617 7A9C B410 FF61 F200 15AD", grouped);
        assertEquals(hex, KeyFingerprints.normalize(grouped));
        assertTrue(KeyFingerprints.same(grouped.toLowerCase(), hex));
        assertTrue(KeyFingerprints.same("ba:78:16:bf:8f:01:cf:ea:41:41:40:de:5d:ae:22:23:b0:03:61:a3:96:17:7a:9c:b4:10:ff:61:f2:00:15:ad", hex));
        assertTrue(KeyFingerprints.same(" BA78-16BF-8F01-CFEA-4141-40DE-5DAE-2223-B003-61A3-9617-7A9C-B410-FF61-F200-15AD\n", hex));
    }

    @Test
    public void onlyAWholeFingerprintCounts() {
        String hex = KeyFingerprints.of(new byte[] {1});
        assertFalse("a prefix is not enough", KeyFingerprints.same(hex.substring(0, 16), hex));
        assertFalse("one digit off", KeyFingerprints.same(hex.substring(0, 63) + (hex.charAt(63) == '0' ? '1' : '0'), hex));
        assertNull(KeyFingerprints.normalize(hex + "0"));
        assertNull(KeyFingerprints.normalize("Z" + hex.substring(1)));
        assertNull(KeyFingerprints.normalize(null));
        assertFalse(KeyFingerprints.same(null, hex));
        assertFalse(KeyFingerprints.same(hex, null));
    }
}
