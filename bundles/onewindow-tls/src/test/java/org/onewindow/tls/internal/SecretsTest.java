package org.onewindow.tls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.tls.Secrets;

public class SecretsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private final String oldHome = System.getProperty("karaf.home");

    @After
    public void restore() {
        if (oldHome == null) {
            System.clearProperty("karaf.home");
        } else {
            System.setProperty("karaf.home", oldHome);
        }
    }

    @Test
    public void aReferenceReadsTheKeystoreEntryAndPlainTextStaysAsItIs() throws Exception {
        Path home = tmp.getRoot().toPath();
        System.setProperty("karaf.home", home.toString());
        new SecretKeystore(home.resolve("etc/onewindow/secrets.p12")).store("relay-GA", "部门共享密钥-0123456789abcdef".toCharArray());
        new SecretKeystore(home.resolve("etc/onewindow/secrets.p12")).store("payment-gateway", "another-secret-of-32-characters!".toCharArray());
        assertEquals("部门共享密钥-0123456789abcdef", Secrets.resolve("keystore:etc/onewindow/secrets.p12#relay-GA"));
        assertEquals("another-secret-of-32-characters!", Secrets.resolve(" keystore:etc/onewindow/secrets.p12#payment-gateway "));
        assertEquals("plain-text-secret", Secrets.resolve("plain-text-secret"));
        assertFalse(Secrets.isReference("plain"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("etc/onewindow/secrets.p12"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("etc/onewindow/secrets.password"))));
        assertTrue(new String(Files.readAllBytes(home.resolve("etc/onewindow/secrets.p12")), java.nio.charset.StandardCharsets.ISO_8859_1)
                .indexOf("0123456789abcdef") < 0);
    }

    @Test
    public void aMissingEntryOrKeystoreNamesTheReferenceNeverASecret() throws Exception {
        Path home = tmp.getRoot().toPath();
        System.setProperty("karaf.home", home.toString());
        for (String ref : new String[] {"keystore:etc/onewindow/secrets.p12#relay-GA", "keystore:etc/onewindow/secrets.p12", "keystore:#x"}) {
            try {
                Secrets.resolve(ref);
                fail(ref);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("secret") || expected.getMessage().contains("keystore"));
            }
        }
        new SecretKeystore(home.resolve("etc/onewindow/secrets.p12")).store("relay-GA", "0123456789abcdef".toCharArray());
        try {
            Secrets.resolve("keystore:etc/onewindow/secrets.p12#relay-ZR");
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("relay-ZR"));
        }
    }
}
