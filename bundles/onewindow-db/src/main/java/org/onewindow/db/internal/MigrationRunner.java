package org.onewindow.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.onewindow.db.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies versioned migrations through plain JDBC, recording each in {@code OW_SCHEMA_HISTORY}. */
final class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    /** "Table exists": Derby's and PostgreSQL's SQLState. */
    private static final Set<String> TABLE_EXISTS = Set.of("X0Y32", "42P07");
    /** Scripts are written for Derby; PostgreSQL has TEXT where Derby has CLOB, and nothing else differs in ours. */
    private static final Pattern CLOB = Pattern.compile("\\bCLOB\\b");

    private final DataSource dataSource;

    MigrationRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized int migrate(String module, List<Migration> migrations) {
        TreeSet<Migration> ordered = new TreeSet<>(migrations);
        if (ordered.size() != migrations.size()) {
            throw new MigrationException("Two migrations of module " + module + " share a version number");
        }
        try (Connection c = dataSource.getConnection()) {
            ensureHistoryTable(c);
            Map<Integer, String> applied = applied(c, module);
            for (Migration m : ordered) {
                String checksum = m.checksum();
                String known = applied.get(m.version);
                if (known == null) {
                    apply(c, module, m, checksum);
                } else if (!known.equals(checksum)) {
                    throw new MigrationException("Migration V" + m.version + " of module " + module
                            + " was changed after it was applied; add a new version instead");
                }
            }
            return version(c, module);
        } catch (SQLException e) {
            throw new MigrationException("Schema migration of module " + module + " failed: " + e.getMessage(), e);
        }
    }

    int currentVersion(String module) {
        try (Connection c = dataSource.getConnection()) {
            ensureHistoryTable(c);
            return version(c, module);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read schema version of " + module + ": " + e.getMessage(), e);
        }
    }

    private static void apply(Connection c, String module, Migration m, String checksum) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement st = c.createStatement()) {
            for (String sql : m.statements()) {
                st.execute(postgres ? CLOB.matcher(sql).replaceAll("TEXT") : sql);
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO OW_SCHEMA_HISTORY (MODULE, VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT) VALUES (?, ?, ?, ?, ?)")) {
                ins.setString(1, module);
                ins.setInt(2, m.version);
                ins.setString(3, m.description);
                ins.setString(4, checksum);
                ins.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
                ins.executeUpdate();
            }
            c.commit();
            LOG.info("Schema of {} migrated to V{} ({})", module, m.version, m.description);
        } catch (SQLException e) {
            c.rollback();
            throw new MigrationException("Migration V" + m.version + " of module " + module + " failed and was rolled back: "
                    + e.getMessage(), e);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void ensureHistoryTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE OW_SCHEMA_HISTORY (MODULE VARCHAR(64) NOT NULL, VERSION INT NOT NULL,"
                    + " DESCRIPTION VARCHAR(200) NOT NULL, CHECKSUM VARCHAR(64) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (MODULE, VERSION))");
        } catch (SQLException e) {
            if (!TABLE_EXISTS.contains(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static Map<Integer, String> applied(Connection c, String module) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION, CHECKSUM FROM OW_SCHEMA_HISTORY WHERE MODULE = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static int version(Connection c, String module) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(VERSION) FROM OW_SCHEMA_HISTORY WHERE MODULE = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
