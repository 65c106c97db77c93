package org.onewindow.online.internal.identity;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ClientAddressesTest {

    @Test
    public void addressesKeepTheirNetworkOnly() {
        assertEquals("203.0.113.*", ClientAddresses.mask("203.0.113.57"));
        assertEquals("2001:db8:85a3:*", ClientAddresses.mask("2001:0db8:85a3:0000:0000:8a2e:0370:7334"));
        assertEquals("2001:db8:85a3:*", ClientAddresses.mask("[2001:db8:85a3::1]"));
        assertEquals("0:0:0:*", ClientAddresses.mask("0:0:0:0:0:0:0:1"));
        assertEquals("fe80:0:0:*", ClientAddresses.mask("fe80::1%eth0"));
        assertEquals("127.0.0.*", ClientAddresses.mask("::ffff:127.0.0.1"));
    }

    @Test
    public void anythingElseIsNoAddressAndNeverLookedUp() {
        assertEquals("*", ClientAddresses.mask(null));
        assertEquals("*", ClientAddresses.mask(""));
        assertEquals("*", ClientAddresses.mask("example.org"));
        assertEquals("*", ClientAddresses.mask("cafe"));
        assertEquals("*", ClientAddresses.mask("1.2.3"));
    }
}
