package org.onewindow.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.onewindow.replication.SignedRequests;
import org.onewindow.replication.SigningKey;

/**
 * The hub on a real PostgreSQL server (started by {@code .ci/postgres}), two hub instances sharing it
 * behind a load balancer, and a district replicating through them: the same replication as on Derby,
 * one hub killed in the middle, and one batch sent to both hubs at once applied once.
 */
public class HubPostgresIT {
    static final String URL = System.getProperty("onewindow.postgres.url", "jdbc:postgresql://localhost:5432/onewindow_hub");
    static final String USER = System.getProperty("onewindow.postgres.user", "onewindow");
    static final String PASSWORD = System.getProperty("onewindow.postgres.password", "onewindow");
    private static final String A = "441302";
    private static final String FAKE = "441398";
    private static final String LEGACY = "441397";
    private static final int BALANCER = Ports.of(9790);
    private static UnpackedAppliance hub1;
    private static UnpackedAppliance hub2;
    private static UnpackedAppliance a;
    private static LoadBalancer balancer;

    @BeforeClass
    public static void federate() throws Exception {
        emptyDatabase();
        hub1 = postgresHub("pg-hub1", Ports.of(9791), Ports.of(9701));
        hub2 = postgresHub("pg-hub2", Ports.of(9792), Ports.of(9702));
        a = UnpackedAppliance.unpack("pg-a", Ports.of(9793), Ports.of(9703));
        // the first hub migrates the shared schema, the second finds it done
        hub1.start();
        hub1.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        hub2.launch();
        a.launch();
        hub2.http.awaitReady(Http.BOOT);
        hub2.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        a.http.awaitWindow(Http.BOOT);
        a.http.awaitOk("/replication", "admin", Duration.ofSeconds(60));
        balancer = new LoadBalancer(BALANCER, List.of(Ports.of(9791), Ports.of(9792)));

        Http.Answer registered = a.http.postJson("/replication/registration", "admin", "{\"hubUrl\":\"http://localhost:" + BALANCER + "\"}");
        assertEquals(registered.toString(), 200, registered.status);
        // registered through one hub, approved at the other: they share one database
        String fingerprint = a.http.get("/replication", "admin").json().path("fingerprint").asText();
        assertEquals(200, Federation.approve(hub2.http, A, fingerprint).status);
        assertEquals("already approved, as the other hub sees", 409, Federation.approve(hub1.http, A, fingerprint).status);
    }

    @AfterClass
    public static void stop() {
        if (balancer != null) {
            balancer.close();
        }
        for (UnpackedAppliance node : new UnpackedAppliance[] {hub1, hub2, a}) {
            if (node != null) {
                node.kill();
            }
        }
    }

    @Test
    public void casesReplicateThroughTwoHubsOnPostgresqlAndSurviveOneDying() throws Exception {
        for (int i = 0; i < 30; i++) {
            Federation.openCase(a);
        }
        Federation.awaitSameCases(hub1.http, a, A);
        hub1.kill();
        for (int i = 0; i < 30; i++) {
            Federation.openCase(a);
        }
        Federation.awaitSameCases(hub2.http, a, A);
        hub1.start();
        hub1.http.awaitOk("/hub/districts", "admin", Duration.ofSeconds(60));
        Federation.awaitSameCases(hub1.http, a, A);
    }

    @Test
    public void oneBatchSentToBothHubsAtOnceIsAppliedOnce() throws Exception {
        SigningKey key = Federation.newKey(FAKE);
        assertEquals(200, Federation.register(hub1.http, key, "测试区").status);
        assertEquals(200, Federation.approve(hub2.http, FAKE, key.fingerprint()).status);
        assertEquals("APPROVED", Federation.registration(hub1.http, key).json().path("state").asText());
        String batch = Federation.batch(FAKE, 1, 50);
        List<CompletableFuture<Http.Answer>> sent = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (UnpackedAppliance hub : new UnpackedAppliance[] {hub1, hub2}) {
                Map<String, String> signed = Federation.sign(key, batch, UUID.randomUUID().toString());
                sent.add(CompletableFuture.supplyAsync(() -> hub.http.exchange("POST", "/hub/batches", signed, batch)));
            }
        }
        int applied = 0;
        for (CompletableFuture<Http.Answer> answer : sent) {
            Http.Answer done = answer.join();
            assertEquals(done.toString(), 200, done.status);
            assertEquals(50, done.json().path("acked").asLong());
            applied += done.json().path("applied").asInt();
        }
        assertEquals("eight copies at two hubs, applied once", 50, applied);
        assertEquals(50, Federation.hubCases(hub2.http, FAKE).size());
    }

    @Test
    public void aDistrictFederatedWithASharedKeyRollsOverAndThenTheHubHoldsNoSharedSecret() throws Exception {
        // a district approved before public keys, as the migration leaves it: the shared key the hub once issued
        byte[] shared = new byte[32];
        new java.security.SecureRandom().nextBytes(shared);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
                java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO HUB_DISTRICT (CODE, NAME, STATE, REGISTERED_AT, APPROVED_AT,"
                        + " ACKED_SEQ, JOURNAL_LAST_SEQ, LEGACY_KEY) VALUES (?, '旧区', 'APPROVED', now(), now(), 0, 0, ?)")) {
            s.setString(1, LEGACY);
            s.setString(2, Base64.getEncoder().encodeToString(shared));
            s.executeUpdate();
        }
        SigningKey key = Federation.newKey(LEGACY, "ECDSA-P256");
        String batch = Federation.batch(LEGACY, 1, 5);
        assertEquals("no request passes before the rollover", 401, Federation.ship(hub1.http, key, batch).status);
        String body = Http.JSON.createObjectNode().put("district", LEGACY).put("algorithm", "ECDSA-P256").put("publicKey", key.publicKeyBase64())
                .toString();
        Map<String, String> signed = new java.util.HashMap<>(Federation.sign(key, body, UUID.randomUUID().toString()));
        signed.put(SignedRequests.LEGACY_SIGNATURE, SignedRequests.legacySign(new byte[32], LEGACY,
                Long.parseLong(signed.get(SignedRequests.TIMESTAMP)), signed.get(SignedRequests.NONCE), body.getBytes(StandardCharsets.UTF_8)));
        Http.Answer forged = hub2.http.exchange("POST", "/hub/key-rollovers", signed, body);
        assertEquals(forged.toString(), 401, forged.status);
        signed = new java.util.HashMap<>(Federation.sign(key, body, UUID.randomUUID().toString()));
        signed.put(SignedRequests.LEGACY_SIGNATURE, SignedRequests.legacySign(shared, LEGACY, Long.parseLong(signed.get(SignedRequests.TIMESTAMP)),
                signed.get(SignedRequests.NONCE), body.getBytes(StandardCharsets.UTF_8)));
        Http.Answer rolled = hub2.http.exchange("POST", "/hub/key-rollovers", signed, body);
        assertEquals(rolled.toString(), 200, rolled.status);
        assertEquals(key.fingerprint(), rolled.json().path("fingerprint").asText());
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM HUB_DISTRICT WHERE LEGACY_KEY IS NOT NULL OR LEGACY_TOKEN_HASH IS NOT NULL")) {
            rs.next();
            assertEquals("no shared secret left at the hub", 0, rs.getLong(1));
        }
        Http.Answer shipped = Federation.ship(hub1.http, key, batch);
        assertEquals(shipped.toString(), 200, shipped.status);
        assertEquals(5, shipped.json().path("acked").asLong());
    }

    private static UnpackedAppliance postgresHub(String name, int port, int sshPort) throws IOException, InterruptedException {
        UnpackedAppliance hub = UnpackedAppliance.unpack(name, port, sshPort);
        hub.replace("etc/org.onewindow.node.cfg", "role = district", "role = hub");
        hub.replace("etc/org.onewindow.node.cfg", "districtCode = 441302", "districtCode = 441300");
        hub.replace("etc/org.onewindow.hub.cfg", "# dataSource.target = (osgi.jndi.service.name=onewindow-hub)",
                "dataSource.target = (osgi.jndi.service.name=onewindow-hub)");
        Files.writeString(hub.home.resolve("etc/org.ops4j.datasource-onewindow-hub.cfg"), String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "dataSourceName = onewindow-hub",
                "url = " + URL,
                "user = " + USER,
                "password = " + PASSWORD,
                "pool = dbcp2",
                "jdbc.pool.maxTotal = 16",
                ""));
        return hub;
    }

    private static void emptyDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }
}
