package org.onewindow.db.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalHold;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The change journal in tables {@code OW_JOURNAL} and {@code OW_JOURNAL_COUNTER} (module {@code journal}). */
@Component(service = ChangeJournal.class)
public class JdbcChangeJournal implements ChangeJournal {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcChangeJournal.class);
    static final int MAX_KEY = 200;
    /** District IT's mark of a {@code data/} put back from a copy: new cases wait for the hub however long. */
    static final String RESTORED_MARKER = "onewindow/RESTORED";
    private static final int BATCH = 1000;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    /** Where the journal stands with the hub; read at every {@link #hold()}, so kept in memory and written through. */
    private volatile JournalStanding standing = new JournalStanding(null, null, null, false, Instant.now(), false);
    private Path marker;

    @Activate
    void activate(BundleContext context) {
        migrations.migrate("journal", context.getBundle(), "db/migration/journal");
        marker = Paths.get(System.getProperty("karaf.data", "data")).resolve(RESTORED_MARKER);
        load(Files.exists(marker));
        if (standing.restoredMarker()) {
            LOG.warn("{} says this data/ was restored from a copy: no case is taken in until the city hub has checked the journal", marker);
        }
    }

    /** The standing as the database keeps it, for a run starting now. */
    void load(boolean restoredMarker) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT HUB_CHECK_SECONDS, REWOUND_AT, REWOUND_DETAIL FROM OW_JOURNAL_COUNTER WHERE ID = 1");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            Integer seconds = rs.getObject(1) == null ? null : rs.getInt(1);
            Timestamp rewound = rs.getTimestamp(2);
            standing = new JournalStanding(seconds, rewound == null ? null : rewound.toInstant(), rs.getString(3), restoredMarker, Instant.now(), false);
        } catch (SQLException e) {
            throw new JournalException("Cannot read the journal's standing", e);
        }
    }

    @Override
    public JournalHold hold() {
        return standing.hold(Instant.now());
    }

    @Override
    public synchronized void federated(int hubCheckSeconds) {
        Integer seconds = hubCheckSeconds < 0 ? null : hubCheckSeconds;
        if (!Objects.equals(seconds, standing.hubCheckSeconds())) {
            update("UPDATE OW_JOURNAL_COUNTER SET HUB_CHECK_SECONDS = ? WHERE ID = 1", seconds);
        }
        standing = standing.federated(seconds);
    }

    @Override
    public synchronized void confirmed() {
        if (!standing.confirmed() && standing.rewoundAt() == null) {
            standing = standing.confirmed(true);
            if (marker != null) {
                try {
                    if (Files.deleteIfExists(marker)) {
                        LOG.info("The city hub checked the journal of this restored data/: {} removed, cases are taken in", marker);
                    }
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}: {}", marker, e.toString());
                }
            }
        }
    }

    @Override
    public synchronized void rewound(String detail) {
        if (standing.rewoundAt() != null) {
            return;
        }
        Instant now = Instant.now();
        String text = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        update("UPDATE OW_JOURNAL_COUNTER SET REWOUND_AT = ?, REWOUND_DETAIL = ? WHERE ID = 1", now, text);
        standing = standing.rewound(now, text);
        LOG.error("The city hub finds this journal rewound ({}): no case is taken in until it is reconciled", text);
    }

    @Override
    public long rebase(Connection transaction, long atLeast) {
        try {
            try (PreparedStatement s = transaction.prepareStatement(
                    "UPDATE OW_JOURNAL_COUNTER SET LAST_SEQ = CASE WHEN LAST_SEQ < ? THEN ? ELSE LAST_SEQ END WHERE ID = 1")) {
                s.setLong(1, atLeast);
                s.setLong(2, atLeast);
                s.executeUpdate();
            }
            try (PreparedStatement read = transaction.prepareStatement("SELECT LAST_SEQ FROM OW_JOURNAL_COUNTER WHERE ID = 1");
                    ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new JournalException("Cannot rebase the journal to " + atLeast, e);
        }
    }

    @Override
    public synchronized void reconciled() {
        update("UPDATE OW_JOURNAL_COUNTER SET REWOUND_AT = NULL, REWOUND_DETAIL = NULL WHERE ID = 1");
        standing = standing.rewound(null, null).confirmed(true);
        LOG.info("The journal is reconciled with the city hub: cases are taken in again");
    }

    private void update(String sql, Object... values) {
        Jdbc.tx(dataSource, c -> Jdbc.update(c, sql, values));
    }

    @Override
    public long append(Connection transaction, String kind, String key, String payload) {
        return appendAll(transaction, kind, List.of(Map.entry(key, payload)));
    }

    @Override
    public long appendAll(Connection transaction, String kind, List<Map.Entry<String, String>> records) {
        for (Map.Entry<String, String> r : records) {
            if (r.getKey().length() > MAX_KEY) {
                throw new IllegalArgumentException("journal key longer than " + MAX_KEY + ": " + r.getKey());
            }
        }
        try {
            long last;
            // the update locks the counter until the caller commits: numbers are taken in commit order
            try (PreparedStatement next = transaction.prepareStatement("UPDATE OW_JOURNAL_COUNTER SET LAST_SEQ = LAST_SEQ + ? WHERE ID = 1")) {
                next.setLong(1, records.size());
                next.executeUpdate();
            }
            try (PreparedStatement read = transaction.prepareStatement("SELECT LAST_SEQ FROM OW_JOURNAL_COUNTER WHERE ID = 1");
                    ResultSet rs = read.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
            long seq = last - records.size();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = transaction.prepareStatement(
                    "INSERT INTO OW_JOURNAL (SEQ, KIND, RECORD_KEY, PAYLOAD, WRITTEN_AT) VALUES (?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Map.Entry<String, String> r : records) {
                    insert.setLong(1, ++seq);
                    insert.setString(2, kind);
                    insert.setString(3, r.getKey());
                    insert.setString(4, r.getValue());
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return last;
        } catch (SQLException e) {
            throw new JournalException("Cannot journal " + records.size() + " " + kind + " records", e);
        }
    }

    @Override
    public List<JournalEntry> after(long seq, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT SEQ, KIND, RECORD_KEY, PAYLOAD, WRITTEN_AT FROM OW_JOURNAL WHERE SEQ > ? ORDER BY SEQ")) {
            select.setLong(1, seq);
            select.setMaxRows(limit);
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JournalEntry e = new JournalEntry();
                    e.seq = rs.getLong(1);
                    e.kind = rs.getString(2);
                    e.key = rs.getString(3);
                    e.payload = rs.getString(4);
                    e.writtenAt = rs.getTimestamp(5).toInstant().toString();
                    out.add(e);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("Cannot read the journal after " + seq, e);
        }
    }

    @Override
    public long lastSeq() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT LAST_SEQ FROM OW_JOURNAL_COUNTER WHERE ID = 1");
                ResultSet rs = select.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new JournalException("Cannot read the journal's counter", e);
        }
    }

    @Override
    public int prune(long upToSeq, Instant writtenBefore) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM OW_JOURNAL WHERE SEQ <= ? AND WRITTEN_AT < ?")) {
            delete.setLong(1, upToSeq);
            delete.setTimestamp(2, Timestamp.from(writtenBefore));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("Cannot prune the journal up to " + upToSeq, e);
        }
    }

    /** The journal could not be written or read; a write failure rolls the caller's transaction back. */
    static final class JournalException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JournalException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
