package org.onewindow.citizen;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MobilesTest {
    @Test
    public void mobilesAreRecognisedWithSpacesAndDashes() {
        assertTrue(Mobiles.isMobile("13812345678"));
        assertTrue(Mobiles.isMobile("138 1234-5678"));
        assertFalse(Mobiles.isMobile("12812345678"));
        assertFalse(Mobiles.isMobile("0571-88886666"));
        assertFalse(Mobiles.isMobile(null));
    }

    @Test
    public void masksKeepThreeAndFour() {
        assertEquals("138****5678", Mobiles.mask("13812345678"));
        assertEquals("***", Mobiles.mask("12345"));
        assertEquals("***", Mobiles.mask(null));
    }
}
