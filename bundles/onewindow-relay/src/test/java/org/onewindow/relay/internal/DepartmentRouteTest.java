package org.onewindow.relay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.annotation.Annotation;

import org.junit.Test;
import org.onewindow.intake.Route;

public class DepartmentRouteTest {

    @Test
    public void localNeedsNothingMore() {
        DepartmentRoute r = DepartmentRoute.of(config("GA", "local", "", ""));
        assertEquals(Route.LOCAL, r.mode);
        assertNull(r.url);
    }

    @Test
    public void remoteNeedsAnHttpUrlAndALongEnoughSecret() {
        DepartmentRoute r = DepartmentRoute.of(config("SJ", "Remote", "https://approval.example/ow", "0123456789abcdef"));
        assertEquals(Route.REMOTE, r.mode);
        assertEquals("https://approval.example/ow", r.url.toString());
        refused(config("SJ", "remote", "ftp://approval.example", "0123456789abcdef"), "http(s)");
        refused(config("SJ", "remote", "https://approval.example", "short"), "16 characters");
        refused(config("SJ", "sideways", "", ""), "local, remote or city");
        refused(config(" ", "local", "", ""), "code");
    }

    @Test
    public void cityNeedsTheDistrictThatDecides() {
        DepartmentRoute r = DepartmentRoute.of(config("ZJ", "city", "", "", " 441303 "));
        assertEquals(Route.CITY, r.mode);
        assertEquals("441303", r.district);
        refused(config("ZJ", "city", "", "", ""), "6-digit district code");
        refused(config("ZJ", "city", "", "", "44130"), "6-digit district code");
    }

    @Test
    public void aPinnedCertificateIsKeptNormalisedAndABadPinRefused() {
        String pin = "ab:".repeat(31) + "ab";
        DepartmentRoute r = DepartmentRoute.of(config("SJ", "remote", "https://approval.example/ow", "0123456789abcdef", "", pin.replace(":", " ")));
        assertEquals(pin.toUpperCase(), r.trust.pinnedSha256());
        assertTrue(r.trust.clientCertificate());
        refused(config("SJ", "remote", "https://approval.example/ow", "0123456789abcdef", "", "AB:CD"), "tlsPin");
    }

    @Test
    public void aSecretReferenceThatCannotBeReadIsRefusedNamingTheReference() {
        refused(config("SJ", "remote", "https://approval.example/ow", "keystore:etc/onewindow/none.p12#relay-SJ"), "relay-SJ");
    }

    private static void refused(DepartmentConfig config, String why) {
        try {
            DepartmentRoute.of(config);
            fail("accepted " + why);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(why));
        }
    }

    private static DepartmentConfig config(String code, String mode, String url, String secret) {
        return config(code, mode, url, secret, "");
    }

    private static DepartmentConfig config(String code, String mode, String url, String secret, String district) {
        return config(code, mode, url, secret, district, "");
    }

    private static DepartmentConfig config(String code, String mode, String url, String secret, String district, String pin) {
        return new DepartmentConfig() {
            @Override
            public String tlsPin() {
                return pin;
            }

            @Override
            public boolean clientCertificate() {
                return true;
            }

            @Override
            public boolean allowHttp() {
                return false;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return DepartmentConfig.class;
            }

            @Override
            public String code() {
                return code;
            }

            @Override
            public String mode() {
                return mode;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String secret() {
                return secret;
            }

            @Override
            public String district() {
                return district;
            }

            @Override
            public long connectTimeoutMillis() {
                return 1000;
            }

            @Override
            public long receiveTimeoutMillis() {
                return 1000;
            }
        };
    }
}
