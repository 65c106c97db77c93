package org.onewindow.supervision.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Before;
import org.junit.Test;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.internal.JdbcChangeJournal;
import org.onewindow.db.internal.TestDatabases;
import org.onewindow.supervision.CardColor;

/** Cards written over the kept ones on an in-memory Derby: only what differs, each change journaled, in batches. */
public class CardStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-08T01:00:00Z");
    private EmbeddedDataSource ds;
    private JdbcChangeJournal journal;

    @Before
    public void freshDatabase() {
        ds = TestDatabases.memory("cards");
        journal = TestDatabases.journal(ds);
        TestDatabases.migrate(ds, "supervision", "db/migration/supervision");
    }

    @Test
    public void writesOnlyWhatDiffersAndJournalsEachChange() throws Exception {
        assertEquals(2, store(cards(card("A-1", CardColor.YELLOW, 2), card("A-2", CardColor.RED, -1)), MONDAY));
        assertEquals(2, journal.after(0, 100).size());
        assertEquals("nothing changed, nothing written", 0, store(cards(card("A-1", CardColor.YELLOW, 2), card("A-2", CardColor.RED, -1)), MONDAY));
        assertEquals(2, journal.after(0, 100).size());

        // the next day: A-1 has a day less and is still yellow, A-2 is gone (decided), A-3 is new
        assertEquals(3, store(cards(card("A-1", CardColor.YELLOW, 1), card("A-3", CardColor.YELLOW, 3)), TUESDAY));
        assertEquals(1, daysLeft("A-1"));
        assertEquals("a card keeps the time it got its colour", MONDAY, since("A-1"));
        assertEquals(TUESDAY, since("A-3"));
        assertFalse(exists("A-2"));
        List<JournalEntry> entries = journal.after(2, 100);
        assertEquals(3, entries.size());
        assertTrue(entries.stream().allMatch(e -> JpaSupervision.CARD.equals(e.kind)));
        assertTrue(entries.stream().anyMatch(e -> e.key.equals("A-2") && e.payload.contains("\"removed\":true")));
        assertTrue(entries.stream().anyMatch(e -> e.key.equals("A-1") && e.payload.contains("\"workingDaysLeft\":1")));

        assertEquals(1, store(cards(card("A-1", CardColor.RED, 0), card("A-3", CardColor.YELLOW, 3)), TUESDAY.plusSeconds(60)));
        assertEquals("a new colour starts its own time", TUESDAY.plusSeconds(60), since("A-1"));
    }

    @Test
    public void manyCardsGoInSeveralBatches() throws Exception {
        Map<String, CardEntity> monday = new LinkedHashMap<>();
        Map<String, CardEntity> tuesday = new LinkedHashMap<>();
        for (int i = 0; i < 1201; i++) {
            monday.put("B-" + i, card("B-" + i, CardColor.YELLOW, 3));
            tuesday.put("B-" + i, card("B-" + i, CardColor.YELLOW, 2));
        }
        assertEquals(1201, store(monday, MONDAY));
        assertEquals(1201, count());
        assertEquals(1201, store(tuesday, TUESDAY));
        assertEquals(2, daysLeft("B-0"));
        assertEquals(2, daysLeft("B-1200"));
        assertEquals(2402, journal.after(0, 5000).size());
        assertEquals(1201, store(Map.of(), TUESDAY));
        assertEquals(0, count());
    }

    private int store(Map<String, CardEntity> cards, Instant now) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            int changed = CardStore.store(c, journal, cards, now);
            c.commit();
            return changed;
        }
    }

    private static Map<String, CardEntity> cards(CardEntity... cards) {
        Map<String, CardEntity> out = new LinkedHashMap<>();
        for (CardEntity c : cards) {
            out.put(c.caseNo, c);
        }
        return out;
    }

    private static CardEntity card(String caseNo, CardColor color, int daysLeft) {
        CardEntity c = new CardEntity();
        c.caseNo = caseNo;
        c.color = color;
        c.daysLeft = daysLeft;
        c.status = "IN_REVIEW";
        c.itemCode = "TY-001";
        c.itemName = "体育类民办非企业单位成立登记";
        c.departmentCode = "TY";
        c.departmentName = "区文体局";
        c.clerk = "clerk";
        c.deadline = LocalDate.parse("2026-12-10");
        return c;
    }

    private int daysLeft(String caseNo) throws SQLException {
        return ((Number) column(caseNo, "DAYS_LEFT")).intValue();
    }

    private Instant since(String caseNo) throws SQLException {
        return ((Timestamp) column(caseNo, "SINCE")).toInstant();
    }

    private boolean exists(String caseNo) throws SQLException {
        return column(caseNo, "CASE_NO") != null;
    }

    private Object column(String caseNo, String column) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM SUPERVISION_CARD WHERE CASE_NO = ?")) {
            s.setString(1, caseNo);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private int count() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM SUPERVISION_CARD");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
