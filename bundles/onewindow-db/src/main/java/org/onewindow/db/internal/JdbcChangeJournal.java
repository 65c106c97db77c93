package org.onewindow.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.SchemaMigrations;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The change journal in tables {@code OW_JOURNAL} and {@code OW_JOURNAL_COUNTER} (module {@code journal}). */
@Component(service = ChangeJournal.class)
public class JdbcChangeJournal implements ChangeJournal {
    static final int MAX_KEY = 200;
    private static final int BATCH = 1000;

    @Reference(target = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    SchemaMigrations migrations;

    @Activate
    void activate(BundleContext context) {
        migrations.migrate("journal", context.getBundle(), "db/migration/journal");
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
