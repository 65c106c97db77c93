package org.onewindow.replication.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditTrail;
import org.onewindow.audit.internal.TestTrails;
import org.onewindow.db.Jdbc;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.KeyFingerprints;
import org.onewindow.replication.KeyRolloverDTO;
import org.onewindow.replication.SignatureAlgorithm;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SignedRequests;
import org.onewindow.rest.Json;
import org.onewindow.security.Hmac;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The district's side of the key rollover: a link made before key pairs (the hub's shared key, or only a
 * registration token) makes its own key pair at its next start, proves it to the hub with both signatures,
 * and then keeps no shared secret. The hub here is an HTTP server of the test's that checks the two signatures
 * with {@link SignedRequests} as the hub does.
 */
public class LinkKeysTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static int databases;
    @Rule
    public TemporaryFolder temporary = new TemporaryFolder();
    private final byte[] shared = new byte[32];
    private final List<String> seen = new ArrayList<>();
    private HttpServer hub;
    private int status = 200;
    private EmbeddedDataSource ds;
    private HubLink link;
    private LinkKeys keys;
    private DistrictKeyStore store;
    private AuditTrail trail;

    @Before
    public void legacyLinkAndAHub() throws Exception {
        shared[0] = 42;
        hub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        hub.createContext("/api/v1/hub/key-rollovers", this::rollover);
        hub.start();
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:link" + (++databases));
        ds.setCreateDatabase("create");
        for (String script : List.of("V1__hub_link", "V2__city_catalog", "V3__district_key_pair", "V4__hub_certificate",
                "V5__restore_reconciliation")) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/replication/" + script + ".sql");
                    Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("--"))
                        .collect(Collectors.joining("\n"));
                for (String sql : text.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
        }
        link = new HubLink(ds);
        store = new DistrictKeyStore(temporary.getRoot().toPath().resolve("federation"));
        TestTrails.install(ds);
        trail = TestTrails.trail(ds);
        keys = new LinkKeys(store, link, new HubClient(2000, 5000), () -> SignatureAlgorithms.ED25519, trail);
    }

    @After
    public void stopHub() {
        hub.stop(0);
    }

    @Test
    public void anApprovedDistrictProvesItsNewKeyWithTheSharedOneAndThenForgetsIt() throws Exception {
        legacy(DistrictState.APPROVED, Base64.getEncoder().encodeToString(shared));
        status = 404;
        try {
            keys.rollover(link.read());
            fail("a hub not yet updated");
        } catch (HubClient.HubFailure e) {
            assertEquals("ROLLOVER_UNSUPPORTED", e.code);
        }
        assertTrue("the shared key stays until the hub took the new one", link.read().legacy());
        String firstAttempt = store.load("441302").fingerprint();

        status = 200;
        assertEquals(DistrictState.APPROVED, keys.rollover(link.read()).state);
        assertEquals("both signatures checked by the hub", List.of("legacy-signature-ok"), seen.subList(1, 2));
        HubLink.Row row = link.read();
        assertFalse(row.legacy());
        assertNull(row.legacyKey);
        assertNull(row.token);
        assertEquals("the key made for the failed attempt is the one rolled over to", firstAttempt, store.load("441302").fingerprint());
        assertEquals(store.load("441302").publicKeyBase64(), row.publicKey);
        assertEquals(SignatureAlgorithms.ED25519, row.keyAlgorithm);
        assertEquals("the journal position stays", 17, row.acked);
        assertEquals(row.publicKey, keys.of(row).publicKeyBase64());
        AuditQuery q = new AuditQuery();
        q.objectKey = "441302";
        assertEquals("the key's making and its rollover are in the audit trail", List.of(LinkKeys.KEY_ROLLED_OVER, LinkKeys.KEY_CREATED),
                trail.search(q).stream().map(r -> r.action).toList());
    }

    @Test
    public void aDistrictNeverApprovedProvesItsNewKeyWithItsToken() throws Exception {
        legacy(DistrictState.PENDING, null);
        assertEquals(DistrictState.PENDING, keys.rollover(link.read()).state);
        assertEquals(List.of("token-ok"), seen);
        assertFalse(link.read().legacy());
    }

    @Test
    public void aKeyFileThatIsNotTheRegisteredKeyIsNotUsed() throws Exception {
        legacy(DistrictState.APPROVED, Base64.getEncoder().encodeToString(shared));
        keys.rollover(link.read());
        HubLink.Row row = link.read();
        store.create("441302", SignatureAlgorithms.named(SignatureAlgorithms.ECDSA_P256));
        try {
            new LinkKeys(store, link, new HubClient(2000, 5000), () -> SignatureAlgorithms.ED25519, trail).of(row);
            fail("another key than the hub knows");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("holds another key"));
        }
    }

    private void legacy(DistrictState state, String sharedKey) {
        Jdbc.tx(ds, c -> Jdbc.update(c, "INSERT INTO REPL_LINK (ID, HUB_URL, DISTRICT, TOKEN, STATE, SIGNING_KEY, ACKED_SEQ, REGISTERED_AT)"
                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?)", "http://localhost:" + hub.getAddress().getPort(), "441302", TOKEN, state.name(), sharedKey,
                17, Instant.now()));
    }

    /** What the hub checks of a rollover: the new key's signature, and the shared key's (or the token). */
    private void rollover(HttpExchange exchange) throws java.io.IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        KeyRolloverDTO r = Json.mapper().readValue(body, KeyRolloverDTO.class);
        var h = exchange.getRequestHeaders();
        String district = h.getFirst(SignedRequests.DISTRICT);
        long at = Long.parseLong(h.getFirst(SignedRequests.TIMESTAMP));
        String nonce = h.getFirst(SignedRequests.NONCE);
        SignatureAlgorithm scheme = SignatureAlgorithms.named(r.algorithm);
        boolean own = SignedRequests.verify(scheme, scheme.publicKey(Base64.getDecoder().decode(r.publicKey)), district, at, nonce, body,
                h.getFirst(SignedRequests.SIGNATURE));
        String legacy = h.getFirst(SignedRequests.LEGACY_SIGNATURE);
        String token = h.getFirst(SignedRequests.TOKEN);
        boolean proven = legacy != null ? SignedRequests.legacyVerify(shared, district, at, nonce, body, legacy)
                : token != null && Hmac.matches(Hmac.sha256(Hmac.utf8(TOKEN)), Hmac.sha256(Hmac.utf8(token)));
        seen.add(!own ? "bad-own-signature" : !proven ? "bad-proof" : legacy != null ? "legacy-signature-ok" : "token-ok");
        int answer = own && proven ? status : 401;
        String json = answer == 200 ? "{\"district\":\"" + district + "\",\"state\":\"" + (legacy != null ? "APPROVED" : "PENDING")
                + "\",\"algorithm\":\"" + r.algorithm + "\",\"fingerprint\":\""
                + KeyFingerprints.grouped(KeyFingerprints.of(Base64.getDecoder().decode(r.publicKey))) + "\"}"
                : "{\"code\":\"" + (answer == 404 ? "NOT_FOUND" : "BAD_SIGNATURE") + "\",\"message\":\"no\"}";
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }
}
