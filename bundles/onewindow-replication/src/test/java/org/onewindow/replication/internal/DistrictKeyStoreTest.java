package org.onewindow.replication.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SignedRequests;
import org.onewindow.replication.SigningKey;

/** The district's key pair on disk: a folder only the appliance's user enters, a file only it reads, read back whole. */
public class DistrictKeyStoreTest {
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();

    @Test
    public void aKeyPairIsWrittenOwnerOnlyAndReadBackForEitherScheme() throws Exception {
        for (String scheme : new String[] {SignatureAlgorithms.ED25519, SignatureAlgorithms.ECDSA_P256}) {
            Path folder = temporary.getRoot().toPath().resolve(scheme).resolve("federation");
            DistrictKeyStore store = new DistrictKeyStore(folder);
            assertNull("none before it is made", store.load("441302"));
            SigningKey made = store.create("441302", SignatureAlgorithms.named(scheme));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            Path file = folder.resolve(DistrictKeyStore.FILE_NAME);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            try (var listing = Files.list(folder)) {
                assertEquals("no temporary file left", 1, listing.count());
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            assertTrue(text, text.startsWith("-----BEGIN PRIVATE KEY-----\n") && text.contains("-----BEGIN PUBLIC KEY-----"));

            SigningKey read = store.load("441302");
            assertEquals(scheme, read.algorithm().name());
            assertEquals(made.publicKeyBase64(), read.publicKeyBase64());
            assertEquals(made.fingerprint(), read.fingerprint());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            String signature = SignedRequests.sign(read.algorithm(), read.privateKey(), "441302", 1, "n", body);
            assertTrue(SignedRequests.verify(made.algorithm(), made.algorithm().publicKey(made.publicKey()), "441302", 1, "n", body, signature));

            SigningKey again = store.create("441302", SignatureAlgorithms.named(scheme));
            assertNotEquals("a new pair replaces the old", made.fingerprint(), store.load("441302").fingerprint());
            assertEquals(again.fingerprint(), store.load("441302").fingerprint());
        }
    }

    @Test
    public void halvesThatDoNotBelongTogetherAreNotUsed() throws Exception {
        Path folder = temporary.getRoot().toPath().resolve("federation");
        DistrictKeyStore store = new DistrictKeyStore(folder);
        SigningKey one = store.create("441302", SignatureAlgorithms.named(SignatureAlgorithms.ED25519));
        SigningKey two = new DistrictKeyStore(temporary.getRoot().toPath().resolve("other"))
                .create("441302", SignatureAlgorithms.named(SignatureAlgorithms.ED25519));
        Files.writeString(folder.resolve(DistrictKeyStore.FILE_NAME), DistrictKeyStore.pem("PRIVATE KEY", one.privateKey().getEncoded())
                + DistrictKeyStore.pem("PUBLIC KEY", two.publicKey()), StandardCharsets.US_ASCII);
        try {
            store.load("441302");
            fail("a private key with another's public key");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("do not belong together"));
        }
    }
}
