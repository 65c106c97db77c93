package org.onewindow.hub.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.SignatureAlgorithm;
import org.onewindow.replication.SignatureAlgorithms;
import org.onewindow.replication.SigningKey;

/** The hub's tables on an in-memory Derby, migrated by the hub's own scripts, and districts with keys of their own. */
final class HubDatabase {
    static final List<String> MIGRATIONS = List.of("V1__federation", "V2__citywide_licences", "V3__cross_district_messages",
            "V4__files_on_demand", "V5__district_public_keys", "V6__enrolment_codes", "V7__district_audit_trails", "V8__rewound_journals",
            "V9__board_tallies", "V10__record_key_first");
    static final Set<String> ACCEPTED = Set.of(SignatureAlgorithms.ED25519, SignatureAlgorithms.ECDSA_P256);
    private static int databases;

    private HubDatabase() {
    }

    static EmbeddedDataSource empty() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:hub" + (++databases));
        ds.setCreateDatabase("create");
        return ds;
    }

    static EmbeddedDataSource migrated() throws IOException, SQLException {
        EmbeddedDataSource ds = empty();
        migrate(ds, MIGRATIONS);
        return ds;
    }

    /** Runs the scripts as the migration runner would, statement by statement. */
    static void migrate(EmbeddedDataSource ds, List<String> migrations) throws IOException, SQLException {
        for (String migration : migrations) {
            try (InputStream in = HubDatabase.class.getResourceAsStream("/db/migration/hub/" + migration + ".sql");
                    Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.strip().startsWith("--"))
                        .collect(Collectors.joining("\n"));
                for (String sql : script.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
        }
    }

    /** A district's own new key pair, as its appliance makes it. */
    static SigningKey key(String district, String algorithm) {
        SignatureAlgorithm scheme = SignatureAlgorithms.named(algorithm);
        java.security.KeyPair pair = scheme.generate();
        return new SigningKey(district, scheme, pair.getPrivate(), pair.getPublic().getEncoded());
    }

    static SigningKey key(String district) {
        return key(district, SignatureAlgorithms.ED25519);
    }

    static DistrictKeys.PresentedKey presented(SigningKey key) {
        return DistrictKeys.PresentedKey.of(key.algorithm().name(), key.publicKeyBase64(), ACCEPTED);
    }

    /** Registers {@code key}'s district and approves it with the key's fingerprint, as a city administrator does. */
    static void approved(Districts districts, DistrictKeys keys, SigningKey key, Instant now) {
        keys.register(key.district(), "区" + key.district(), "test", presented(key), DistrictKeys.Enrolment.NONE, now);
        districts.change(key.district(), DistrictState.APPROVED, List.of(DistrictState.PENDING), key.fingerprint(), "admin", now);
    }
}
