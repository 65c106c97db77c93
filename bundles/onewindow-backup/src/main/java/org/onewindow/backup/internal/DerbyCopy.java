package org.onewindow.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * Derby's online backup of the running database, and what the copy holds. {@code SYSCS_BACKUP_DATABASE} rather than
 * {@code SYSCS_BACKUP_DATABASE_NOWAIT}: both copy while the hall writes (transactions go on; the copy is made
 * consistent by the log copied with it); they differ only when an operation Derby does not log is under way (an index
 * built by a migration, a bulk import), where the first waits for it to end and the second fails at once. A backup that
 * fails because a migration ran at 02:30 would just be missing; a short wait is better.
 * <p>
 * The copy is then booted by itself (its own database, read with the embedded driver, and shut down again): what it
 * names is what the backup must hold, whatever was written during and after the copy, and a copy that does not boot is
 * no backup.
 */
final class DerbyCopy {
    static final String FOLDER = "derby";

    private DerbyCopy() {
    }

    /** What the backed-up database holds that the backup needs to know. */
    record Contents(List<Scan> scans, long journalLastSeq, long cases) {
    }

    /** A scanned file a row of the copy names. */
    record Scan(String sha256, long size) {
    }

    /** Backs the live database up into {@code into}, as {@code into/derby}; answers that folder. */
    static Path backup(DataSource live, Path into) throws SQLException, IOException {
        Path staging = into.resolve(".derby-backup");
        Files.createDirectories(staging);
        try (Connection c = live.getConnection(); CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            call.setString(1, staging.toAbsolutePath().toString());
            call.execute();
        }
        // Derby names the copy after the database's own folder (data/onewindow/derby): one folder in the staging one
        Path copy;
        try (Stream<Path> made = Files.list(staging)) {
            copy = made.filter(p -> Files.isRegularFile(p.resolve("service.properties"))).findFirst()
                    .orElseThrow(() -> new IOException("Derby's backup made no database under " + staging));
        }
        Path target = into.resolve(FOLDER);
        Files.move(copy, target);
        Files.delete(staging);
        return target;
    }

    /** Boots the copy at {@code database} on its own, reads what it names, and shuts it down. */
    static Contents read(Path database) throws SQLException {
        String url = "jdbc:derby:" + database.toAbsolutePath();
        EmbeddedDriver driver = new EmbeddedDriver();
        try (Connection c = driver.connect(url, new Properties())) {
            c.setReadOnly(true);
            List<Scan> scans = new ArrayList<>();
            if (exists(c, "SCAN_FILE")) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT SHA256, MAX(SIZE_BYTES) FROM SCAN_FILE GROUP BY SHA256")) {
                    while (rs.next()) {
                        scans.add(new Scan(rs.getString(1).trim(), rs.getLong(2)));
                    }
                }
            }
            long seq = exists(c, "OW_JOURNAL_COUNTER") ? single(c, "SELECT LAST_SEQ FROM OW_JOURNAL_COUNTER WHERE ID = 1") : 0;
            long cases = exists(c, "CASE_FILE") ? single(c, "SELECT COUNT(*) FROM CASE_FILE") : 0;
            return new Contents(scans, seq, cases);
        } finally {
            shutdown(driver, url);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void shutdown(EmbeddedDriver driver, String url) throws SQLException {
        try {
            driver.connect(url + ";shutdown=true", new Properties()).close();
        } catch (SQLException e) {
            // Derby answers a database shut down with this state, always
            if (!"08006".equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
