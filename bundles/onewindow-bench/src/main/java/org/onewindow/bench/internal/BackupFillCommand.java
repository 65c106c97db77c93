package org.onewindow.bench.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.db.PrivateFiles;

/**
 * {@code onewindow:bench-backup-fill}: a hall's years of work for the backup benchmark, fast: synthetic cases (numbers
 * {@code BENCHB-...}, with two history rows each) written to intake's tables in transactions of 1,000, and scanned files of
 * realistic size (random bytes, incompressible like a JPEG, sizes spread between {@code --scan-kb-min} and
 * {@code --scan-kb-max}) stored as scanning stores them ({@code data/onewindow/scans/ab/cd/<sha256>}, 0600) with their
 * {@code SCAN_FILE} rows. Filling through REST runs at about 17 cases a second. A bench aid, never installed in a hall;
 * {@code --remove} takes the synthetic cases and scans away again.
 */
@Command(scope = "onewindow", name = "bench-backup-fill", description = "Fills the node with synthetic cases and scanned files for the backup benchmark")
@Service
public class BackupFillCommand implements Action {
    private static final String PREFIX = "BENCHB-";

    @Reference(filter = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Option(name = "-n", aliases = "--cases", description = "Synthetic cases")
    int cases = 100_000;

    @Option(name = "-s", aliases = "--scans", description = "Scanned files, one each on the first cases")
    int scans = 20_000;

    @Option(name = "--scan-kb-min", description = "Smallest scanned file, KiB")
    int minKb = 200;

    @Option(name = "--scan-kb-max", description = "Largest scanned file, KiB")
    int maxKb = 500;

    @Option(name = "--remove", description = "Remove the synthetic cases and their scans instead")
    boolean remove;

    @Override
    public Object execute() throws Exception {
        if (remove) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                int s = st.executeUpdate("DELETE FROM SCAN_FILE WHERE CASE_NO LIKE '" + PREFIX + "%'");
                st.executeUpdate("DELETE FROM CASE_HISTORY WHERE CASE_ID IN (SELECT ID FROM CASE_FILE WHERE CASE_NO LIKE '" + PREFIX + "%')");
                int k = st.executeUpdate("DELETE FROM CASE_FILE WHERE CASE_NO LIKE '" + PREFIX + "%'");
                System.out.printf("removed %d synthetic cases and %d scan rows (their files go with scanning's orphan sweep at the next start)%n", k, s);
            }
            return null;
        }
        long t0 = System.nanoTime();
        insertCases();
        long t1 = System.nanoTime();
        long bytes = insertScans();
        long t2 = System.nanoTime();
        System.out.printf("%,d cases in %.1f s; %,d scanned files (%,d MiB) in %.1f s%n", cases, (t1 - t0) / 1e9, scans, bytes >> 20, (t2 - t1) / 1e9);
        return null;
    }

    private void insertCases() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_FILE (CASE_NO, ITEM_CODE, ITEM_VERSION, ITEM_NAME,"
                        + " DEPT_CODE, DEPT_NAME, TIME_LIMIT_DAYS, CHANNEL, STATUS, APPLICANT_ID_TYPE, APPLICANT_ID, APPLICANT_NAME,"
                        + " VISITS, CREATED_AT, CREATED_BY, UPDATED_AT, ACCEPTED_ON, DEADLINE, ROUTE)"
                        + " VALUES (?, ?, 1, '户口迁入登记', ?, '区公安分局', 20, 'WINDOW', ?, 'RESIDENT_ID', '441302199003071238',"
                        + " '张三', 1, ?, 'bench', ?, ?, ?, 'LOCAL')");
                PreparedStatement history = c.prepareStatement("INSERT INTO CASE_HISTORY (CASE_ID, EVENT_AT, BY_USER, FROM_STATUS, TO_STATUS, NOTE)"
                        + " SELECT ID, CREATED_AT, 'bench', CAST(NULL AS VARCHAR(32)), 'DRAFT', CAST(NULL AS VARCHAR(1000)) FROM CASE_FILE WHERE CASE_NO >= ? AND CASE_NO <= ? AND CASE_NO LIKE 'BENCHB-%'"
                        + " UNION ALL SELECT ID, UPDATED_AT, 'bench', 'DRAFT', STATUS, '受理' FROM CASE_FILE WHERE CASE_NO >= ? AND CASE_NO <= ? AND CASE_NO LIKE 'BENCHB-%'")) {
            c.setAutoCommit(false);
            String[] statuses = {"ACCEPTED", "IN_REVIEW", "APPROVED", "READY_FOR_PICKUP", "DELIVERED"};
            int first = 0;
            for (int i = 0; i < cases; i++) {
                ps.setString(1, number(i));
                ps.setString(2, "BENCH-" + (i % 50));
                ps.setString(3, "D" + (i % 16));
                ps.setString(4, statuses[i % statuses.length]);
                ps.setTimestamp(5, now);
                ps.setTimestamp(6, now);
                ps.setDate(7, Date.valueOf(today.minusDays(i % 365)));
                ps.setDate(8, Date.valueOf(today.minusDays(i % 365).plusDays(28)));
                ps.addBatch();
                if (i % 1000 == 999 || i == cases - 1) {
                    ps.executeBatch();
                    history.setString(1, number(first));
                    history.setString(2, number(i));
                    history.setString(3, number(first));
                    history.setString(4, number(i));
                    history.executeUpdate();
                    c.commit();
                    first = i + 1;
                }
            }
        }
    }

    private static String number(int i) {
        return PREFIX + String.format("%08d", i);
    }

    private long insertScans() throws Exception {
        Path root = Paths.get(System.getProperty("karaf.data", "data"), "onewindow", "scans");
        SplittableRandom random = new SplittableRandom(18);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        long bytes = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO SCAN_FILE (CASE_NO, SEQ, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, SHA256,"
                        + " UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, '第1页.jpg', 'image/jpeg', ?, ?, 'bench', ?)")) {
            c.setAutoCommit(false);
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < scans; i++) {
                byte[] content = new byte[1024 * (minKb + random.nextInt(Math.max(1, maxKb - minKb + 1)))];
                random.nextBytes(content);
                content[0] = (byte) 0xFF;
                content[1] = (byte) 0xD8;
                String hash = HexFormat.of().formatHex(sha.digest(content));
                Path file = root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
                PrivateFiles.folder(file.getParent().getParent());
                PrivateFiles.folder(file.getParent());
                Files.write(file, content);
                PrivateFiles.ownerOnly(file);
                bytes += content.length;
                ps.setString(1, number(i % Math.max(1, cases)));
                ps.setInt(2, 1 + i / Math.max(1, cases));
                ps.setLong(3, content.length);
                ps.setString(4, hash);
                ps.setTimestamp(5, now);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return bytes;
    }
}
