package org.onewindow.tls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.tls.CertificateFingerprints;

public class CertificatesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theSelfSignedCertificateNamesTheHostsAndAddressesForServerAndClient() throws Exception {
        KeyPair pair = CertificateMaker.keyPair();
        X509Certificate c = CertificateMaker.selfSigned(pair, List.of("hall.huicheng.gov.cn", "localhost", "127.0.0.1"), "惠城区", Instant.now());
        c.verify(pair.getPublic());
        c.checkValidity();
        assertTrue(c.getSubjectX500Principal().getName().contains("CN=hall.huicheng.gov.cn"));
        assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
        assertEquals("[[2, hall.huicheng.gov.cn], [2, localhost], [7, 127.0.0.1]]", String.valueOf(c.getSubjectAlternativeNames()));
        assertTrue(c.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
        assertEquals(-1, c.getBasicConstraints());
        assertEquals("SHA256withECDSA", c.getSigAlgName());
    }

    @Test
    public void theKeystoreIsMadeOnceOwnerOnlyAndKeptAtTheNextStart() throws Exception {
        Path file = tmp.getRoot().toPath().resolve("etc/onewindow/tls/appliance.p12");
        ApplianceKeystore keystore = new ApplianceKeystore(file);
        assertTrue(keystore.ensure(List.of("localhost"), null));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.resolveSibling("appliance.password"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String first = CertificateFingerprints.of(keystore.certificate());
        assertFalse("made only once", new ApplianceKeystore(file).ensure(List.of("other"), null));
        assertEquals(first, CertificateFingerprints.of(new ApplianceKeystore(file).certificate()));
    }

    @Test
    public void aCaChainInPemIsInstalledLeafFirstAndAMismatchedKeyRefusedKeepingTheOld() throws Exception {
        Path dir = tmp.getRoot().toPath();
        ApplianceKeystore keystore = new ApplianceKeystore(dir.resolve("appliance.p12"));
        keystore.ensure(List.of("localhost"), null);
        String before = CertificateFingerprints.of(keystore.certificate());

        // a CA (self-signed) and a leaf it signed, as a CA hands them out
        KeyPair caPair = CertificateMaker.keyPair();
        X509Certificate ca = CertificateMaker.selfSigned(caPair, List.of("City CA"), "city", Instant.now());
        KeyPair leafPair = CertificateMaker.keyPair();
        X509Certificate leaf = TestCertificates.signed(leafPair, "hall.example", caPair, ca);
        Path key = write(dir, "hall.key", pem("PRIVATE KEY", leafPair.getPrivate().getEncoded()));
        Path chain = write(dir, "chain.pem", pem("CERTIFICATE", ca.getEncoded()) + pem("CERTIFICATE", leaf.getEncoded()));

        Path otherKey = write(dir, "other.key", pem("PRIVATE KEY", CertificateMaker.keyPair().getPrivate().getEncoded()));
        try {
            keystore.install(List.of(otherKey, chain), null, Instant.now());
            fail("a key of no certificate given is refused");
        } catch (GeneralSecurityException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("no certificate"));
        }
        assertEquals("the old certificate is kept", before, CertificateFingerprints.of(keystore.certificate()));

        List<X509Certificate> installed = keystore.install(List.of(chain, key), null, Instant.now());
        assertEquals(List.of(leaf, ca), installed);
        assertEquals(CertificateFingerprints.of(leaf), CertificateFingerprints.of(keystore.certificate()));
        assertEquals(2, keystore.chain().size());
        assertNotEquals(before, CertificateFingerprints.of(keystore.certificate()));
    }

    @Test
    public void fingerprintsAreComparedHoweverTyped() throws Exception {
        X509Certificate c = CertificateMaker.selfSigned(CertificateMaker.keyPair(), List.of("localhost"), null, Instant.now());
        String fp = CertificateFingerprints.of(c);
        assertTrue(fp.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        assertTrue(CertificateFingerprints.matches(fp.replace(":", " ").toLowerCase(), c));
        try {
            CertificateFingerprints.normalize("AB:CD");
            fail();
        } catch (IllegalArgumentException expected) {
            // too short
        }
    }

    static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
