package org.onewindow.db.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalHold;

public class JdbcChangeJournalTest {
    private JdbcChangeJournal journal;

    @Before
    public void freshDatabase() {
        journal = TestDatabases.journal(TestDatabases.memory("journal"));
    }

    @Test
    public void aRolledBackChangeLeavesNoRecordAndNoGap() throws SQLException {
        try (Connection c = open()) {
            journal.append(c, "CASE", "A", "{\"n\":1}");
            c.rollback();
            journal.append(c, "CASE", "B", "{\"n\":2}");
            c.commit();
        }
        List<JournalEntry> all = journal.after(0, 10);
        assertEquals(1, all.size());
        assertEquals(1, all.get(0).seq);
        assertEquals("B", all.get(0).key);
        assertEquals("{\"n\":2}", all.get(0).payload);
        assertEquals(1, journal.lastSeq());
    }

    @Test
    public void numbersFollowTheOrderOfCommits() throws Exception {
        try (Connection first = open(); Connection second = open()) {
            long one = journal.append(first, "CASE", "first", "{}");
            // the second writer waits for the first to commit: a reader can never see 2 before 1
            CompletableFuture<Long> two = CompletableFuture.supplyAsync(() -> {
                long seq = journal.append(second, "CASE", "second", "{}");
                commit(second);
                return seq;
            });
            Thread.sleep(300);
            assertFalse("the second waits while the first is open", two.isDone());
            first.commit();
            assertEquals(1, one);
            assertEquals(2L, (long) two.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("first", "second"), journal.after(0, 10).stream().map(e -> e.key).collect(Collectors.toList()));
        assertEquals(List.of(2L), journal.after(1, 10).stream().map(e -> e.seq).collect(Collectors.toList()));
        assertEquals(1, journal.after(0, 1).size());
    }

    @Test
    public void aBulkOfRecordsTakesConsecutiveNumbers() throws SQLException {
        try (Connection c = open()) {
            journal.append(c, "CASE", "A", "{}");
            assertEquals(4, journal.appendAll(c, "LICENCE", List.of(Map.entry("L1", "{}"), Map.entry("L2", "{}"), Map.entry("L3", "{}"))));
            assertEquals(4, journal.appendAll(c, "LICENCE", List.of()));
            c.commit();
        }
        assertEquals(List.of("A", "L1", "L2", "L3"), journal.after(0, 10).stream().map(e -> e.key).collect(Collectors.toList()));
        assertEquals(List.of(1L, 2L, 3L, 4L), journal.after(0, 10).stream().map(e -> e.seq).collect(Collectors.toList()));
    }

    @Test
    public void pruningDropsOnlyOldRecordsUpToTheGivenNumber() throws SQLException {
        try (Connection c = open()) {
            journal.appendAll(c, "CASE", List.of(Map.entry("A", "{}"), Map.entry("B", "{}"), Map.entry("C", "{}")));
            c.commit();
        }
        assertEquals("none old enough", 0, journal.prune(3, Instant.now().minusSeconds(3600)));
        assertEquals(2, journal.prune(2, Instant.now().plusSeconds(1)));
        assertEquals(List.of("C"), journal.after(0, 10).stream().map(e -> e.key).collect(Collectors.toList()));
        try (Connection c = open()) {
            assertEquals("numbering goes on", 4, journal.append(c, "CASE", "D", "{}"));
            c.commit();
        }
    }

    @Test
    public void aRebaseMovesTheNumberingOnAndNeverBack() throws SQLException {
        try (Connection c = open()) {
            journal.appendAll(c, "CASE", List.of(Map.entry("A", "{}"), Map.entry("B", "{}")));
            assertEquals(40, journal.rebase(c, 40));
            assertEquals(41, journal.append(c, "CASE", "C", "{}"));
            assertEquals("not back", 41, journal.rebase(c, 10));
            c.commit();
        }
        assertEquals(List.of(1L, 2L, 41L), journal.after(0, 10).stream().map(e -> e.seq).collect(Collectors.toList()));
    }

    @Test
    public void aRewoundJournalHoldsNewCasesAcrossStartsUntilReconciled() {
        journal.federated(30);
        journal.confirmed();
        assertNull(journal.hold());
        journal.rewound("the hub acknowledged #9, this journal ends at #4");
        assertEquals(JournalHold.RESTORE_RECONCILING, journal.hold().code());
        journal.confirmed();
        assertEquals("a confirmation does not lift it", JournalHold.RESTORE_RECONCILING, journal.hold().code());
        JdbcChangeJournal restarted = new JdbcChangeJournal();
        restarted.dataSource = journal.dataSource;
        restarted.load(false);
        assertEquals("kept across a start", JournalHold.RESTORE_RECONCILING, restarted.hold().code());
        restarted.reconciled();
        assertNull(restarted.hold());
        JdbcChangeJournal again = new JdbcChangeJournal();
        again.dataSource = journal.dataSource;
        again.load(false);
        assertEquals("a federated journal waits for the hub at the next start", JournalHold.HUB_CHECK_PENDING, again.hold().code());
        again.confirmed();
        assertNull(again.hold());
    }

    @Test
    public void aJournalNotFederatedNeverWaits() {
        assertNull(journal.hold());
        journal.federated(30);
        journal.federated(-1);
        JdbcChangeJournal restarted = new JdbcChangeJournal();
        restarted.dataSource = journal.dataSource;
        restarted.load(false);
        assertNull(restarted.hold());
    }

    private Connection open() throws SQLException {
        Connection c = journal.dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private static void commit(Connection c) {
        try {
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
