package org.onewindow.replication;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.Test;
import org.onewindow.problem.Problem;

/** The built-in schemes sign and verify; a tampered body, another key, another district or a malformed signature fail. */
public class SignatureAlgorithmsTest {
    private static final byte[] BODY = "{\"district\":\"441302\",\"records\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    public void ed25519AndP256SignAndVerifyAndATamperedBodyFails() {
        for (String name : new String[] {SignatureAlgorithms.ED25519, SignatureAlgorithms.ECDSA_P256}) {
            SignatureAlgorithm scheme = SignatureAlgorithms.named(name);
            KeyPair pair = scheme.generate();
            KeyPair other = scheme.generate();
            String signature = SignedRequests.sign(scheme, pair.getPrivate(), "441302", 1_795_832_110L, "n-1", BODY);
            assertTrue(name, SignedRequests.verify(scheme, pair.getPublic(), "441302", 1_795_832_110L, "n-1", BODY, signature));
            byte[] tampered = BODY.clone();
            tampered[3] ^= 1;
            assertFalse(name + ": a tampered body", SignedRequests.verify(scheme, pair.getPublic(), "441302", 1_795_832_110L, "n-1", tampered,
                    signature));
            assertFalse(name + ": another key", SignedRequests.verify(scheme, other.getPublic(), "441302", 1_795_832_110L, "n-1", BODY, signature));
            assertFalse(name + ": another district", SignedRequests.verify(scheme, pair.getPublic(), "441303", 1_795_832_110L, "n-1", BODY,
                    signature));
            assertFalse(name + ": another time", SignedRequests.verify(scheme, pair.getPublic(), "441302", 1_795_832_111L, "n-1", BODY, signature));
            assertFalse(name + ": another nonce", SignedRequests.verify(scheme, pair.getPublic(), "441302", 1_795_832_110L, "n-2", BODY, signature));
            assertFalse(name + ": not base64", SignedRequests.verify(scheme, pair.getPublic(), "441302", 1_795_832_110L, "n-1", BODY, "%%%"));
            assertFalse(name + ": garbage", SignedRequests.verify(scheme, pair.getPublic(), "441302", 1_795_832_110L, "n-1", BODY, "AAAA"));
            assertFalse(name + ": none", SignedRequests.verify(scheme, pair.getPublic(), "441302", 1_795_832_110L, "n-1", BODY, null));

            // the encodings round-trip: the hub reads the public key, the district its private key file
            assertEquals(pair.getPublic(), scheme.publicKey(pair.getPublic().getEncoded()));
            String again = SignedRequests.sign(scheme, scheme.privateKey(pair.getPrivate().getEncoded()), "441302", 1, "n", BODY);
            assertTrue(SignedRequests.verify(scheme, pair.getPublic(), "441302", 1, "n", BODY, again));
        }
    }

    @Test
    public void aKeyOfAnotherSchemeOrCurveIsRefused() throws Exception {
        SignatureAlgorithm ed = SignatureAlgorithms.named(SignatureAlgorithms.ED25519);
        SignatureAlgorithm p256 = SignatureAlgorithms.named(SignatureAlgorithms.ECDSA_P256);
        expectInvalid(() -> ed.publicKey(p256.generate().getPublic().getEncoded()));
        expectInvalid(() -> p256.publicKey(ed.generate().getPublic().getEncoded()));
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        expectInvalid(() -> p256.publicKey(p384.generateKeyPair().getPublic().getEncoded()));
        expectInvalid(() -> ed.publicKey(new byte[] {1, 2, 3}));
        KeyPair edPair = ed.generate();
        assertFalse("a signature of another scheme", p256.verify(p256.generate().getPublic(), BODY, ed.sign(edPair.getPrivate(), BODY)));
        try {
            SignatureAlgorithms.named("RSA");
            fail();
        } catch (Problem p) {
            assertEquals("UNSUPPORTED_ALGORITHM", p.code());
        }
    }

    @Test
    public void aSchemeRegisteredLaterIsFoundByNameAndTheFirstOfANameStays() {
        SignatureAlgorithm ed = SignatureAlgorithms.named(SignatureAlgorithms.ED25519);
        SignatureAlgorithm renamed = new SignatureAlgorithm() {
            @Override
            public String name() {
                return "TEST-Ed25519";
            }

            @Override
            public KeyPair generate() {
                return ed.generate();
            }

            @Override
            public java.security.PublicKey publicKey(byte[] x509) {
                return ed.publicKey(x509);
            }

            @Override
            public java.security.PrivateKey privateKey(byte[] pkcs8) {
                return ed.privateKey(pkcs8);
            }

            @Override
            public byte[] sign(java.security.PrivateKey key, byte[] data) {
                return ed.sign(key, data);
            }

            @Override
            public boolean verify(java.security.PublicKey key, byte[] data, byte[] signature) {
                return ed.verify(key, data, signature);
            }
        };
        SignatureAlgorithms.register(renamed);
        assertTrue(SignatureAlgorithms.names().contains("TEST-Ed25519"));
        KeyPair pair = renamed.generate();
        SigningKey key = new SigningKey("441302", SignatureAlgorithms.named("TEST-Ed25519"), pair.getPrivate(), pair.getPublic().getEncoded());
        Map<String, String> headers = key.headers(BODY, Instant.ofEpochSecond(1_795_832_110L), "n-1");
        assertEquals("441302", headers.get(SignedRequests.DISTRICT));
        assertEquals("1795832110", headers.get(SignedRequests.TIMESTAMP));
        assertTrue(SignedRequests.verify(ed, pair.getPublic(), "441302", 1_795_832_110L, "n-1", BODY, headers.get(SignedRequests.SIGNATURE)));
        SignatureAlgorithms.register(new SignatureAlgorithm() {
            @Override
            public String name() {
                return SignatureAlgorithms.ED25519;
            }

            @Override
            public KeyPair generate() {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.security.PublicKey publicKey(byte[] x509) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.security.PrivateKey privateKey(byte[] pkcs8) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] sign(java.security.PrivateKey k, byte[] data) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean verify(java.security.PublicKey k, byte[] data, byte[] signature) {
                return true;
            }
        });
        assertTrue("a name cannot be taken over", ed == SignatureAlgorithms.named(SignatureAlgorithms.ED25519));
    }

    @Test
    public void theLegacySharedKeySignatureIsOnlyForTheRollover() {
        byte[] shared = new byte[32];
        String hmac = SignedRequests.legacySign(shared, "441302", 5, "n", BODY);
        assertTrue(SignedRequests.legacyVerify(shared, "441302", 5, "n", BODY, hmac));
        assertFalse(SignedRequests.legacyVerify(shared, "441302", 5, "n", BODY, Base64.getEncoder().encodeToString(new byte[32])));
        shared[0] = 1;
        assertFalse(SignedRequests.legacyVerify(shared, "441302", 5, "n", BODY, hmac));
    }

    private static void expectInvalid(Runnable r) {
        try {
            r.run();
            fail("expected an invalid key");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }
}
