package org.onewindow.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.onewindow.audit.AuditChain;
import org.onewindow.audit.AuditTrail;

/**
 * The real trail over an in-memory Derby, made by the bundle's own migration: for this bundle's tests and, through the
 * test jar, for the tests of the capabilities that write through it.
 */
public final class TestTrails {
    private static int count;

    private TestTrails() {
    }

    /** A fresh in-memory database holding the trail's tables. */
    public static synchronized DataSource database() throws IOException, SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:audit" + (++count));
        ds.setCreateDatabase("create");
        install(ds);
        return ds;
    }

    /** Adds the trail's tables to {@code ds} (a capability's test database, so that its transactions and the trail's are one). */
    public static void install(DataSource ds) throws IOException, SQLException {
        try (InputStream in = TestTrails.class.getResourceAsStream("/db/migration/audit/V1__audit_trail.sql");
                Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    /** The trail (SHA-256, the system clock, a key of its own) over {@code ds}, which holds its tables. */
    public static AuditTrail trail(DataSource ds) {
        try {
            JdbcAuditTrail trail = new JdbcAuditTrail();
            trail.use(store(ds, new AtomicReference<>("SHA-256"), Clock.systemUTC()));
            return trail;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chain's rule, as the city hub checks a district's records with it. */
    public static AuditChain chain() {
        return new JdbcAuditTrail();
    }

    static TrailStore store(DataSource ds, AtomicReference<String> algorithm, Clock clock) throws IOException {
        Path keys = Files.createTempDirectory("audit-keys");
        return new TrailStore(ds, new JdbcAuditTrail().hashes(), CitizenKeys.in(keys.resolve("audit").resolve("citizen.key")), algorithm::get, clock);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
