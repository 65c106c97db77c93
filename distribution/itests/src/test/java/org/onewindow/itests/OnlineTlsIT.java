package org.onewindow.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.tls.CertificateFingerprints;

/**
 * The online channel's real-name service over real TLS (the simulator serving HTTPS, a process of its own): asked
 * over HTTPS with its certificate pinned; once the pin names another certificate, nothing is asked, the citizen gets
 * 503 TLS_UNTRUSTED and {@code onewindow:status} shows the failure to district IT.
 */
public class OnlineTlsIT {
    private static final int PORT = Ports.of(9985);
    private static final int REAL_NAME_PORT = Ports.of(9970);
    private static final String CFG = "etc/org.onewindow.online.realname.cfg";
    private static UnpackedAppliance appliance;
    private static RealNameSystem realName;
    private static String pin;
    private static String otherPin;

    @BeforeClass
    public static void start() throws Exception {
        appliance = UnpackedAppliance.unpack("online-tls", PORT, Ports.of(9905));
        Path certs = appliance.home.resolveSibling("certs");
        Path keys = TlsFiles.selfSigned(certs, "realname");
        pin = CertificateFingerprints.of(TlsFiles.certificate(keys, "realname"));
        otherPin = CertificateFingerprints.of(TlsFiles.certificate(TlsFiles.selfSigned(certs, "other"), "other"));
        Files.createDirectories(RealNameSystem.keyFile().getParent());
        config(pin);
        appliance.start();
        realName = RealNameSystem.start(REAL_NAME_PORT, "OW441302", appliance.home.resolve("data/onewindow/realname/hall-key.pub.pem"),
                List.of("--tls-keystore", keys.toString(), "--tls-password", TlsFiles.PASSWORD));
    }

    /** The service at its HTTPS address, its certificate pinned as {@code tlsPin}. */
    private static void config(String tlsPin) throws Exception {
        Files.writeString(appliance.home.resolve(CFG), "url = https://localhost:" + REAL_NAME_PORT + "\nappId = OW441302\nplatformKey = "
                + RealNameSystem.publicKeyFile() + "\ntimeoutSeconds = 10\ntlsPin = " + tlsPin + "\n");
    }

    @AfterClass
    public static void stop() throws Exception {
        if (realName != null) {
            realName.close();
        }
        if (appliance != null) {
            appliance.stopGracefully();
        }
    }

    @Test
    public void theServiceIsAskedOverHttpsWithItsCertificatePinnedAndNotOnceThePinNamesAnother() throws Exception {
        String id = Citizens.idNumber("19800101", 31);
        String mobile = "13612340031";
        realName.person(id, "周十", mobile);
        // the service answered, over TLS, that the name is not the one it has, then that it is
        Http.Answer mismatch = realName(id, "周拾", mobile);
        assertEquals(mismatch.toString(), "REAL_NAME_MISMATCH", mismatch.code());
        Http.Answer verified = realName(id, "周十", mobile);
        assertEquals(verified.toString(), 202, verified.status);

        config(otherPin);
        // each try another citizen (a verified one waits for the next code), until the new pin is read
        Http.Answer refused = null;
        for (int i = 0; i < 20 && (refused == null || refused.status != 503); i++) {
            String other = Citizens.idNumber("19800102", 40 + i);
            String otherMobile = "136123401" + (40 + i);
            realName.person(other, "吴十一", otherMobile);
            refused = realName(other, "吴十一", otherMobile);
            Thread.sleep(500);
        }
        assertEquals(refused.toString(), "TLS_UNTRUSTED", refused.code());
        String status = appliance.client("onewindow:status");
        assertTrue(status, status.contains("TLS_UNTRUSTED") && status.contains(otherPin) && status.contains(pin));
    }

    private static Http.Answer realName(String id, String name, String mobile) {
        return appliance.http.exchange("POST", Citizens.BASE + "/sign-in/real-name", Map.of(), "{\"idNumber\":\"" + id + "\",\"name\":\"" + name
                + "\",\"mobile\":\"" + mobile + "\"}");
    }
}
