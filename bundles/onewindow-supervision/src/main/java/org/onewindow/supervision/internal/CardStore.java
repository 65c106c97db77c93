package org.onewindow.supervision.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onewindow.db.ChangeJournal;
import org.onewindow.db.Jdbc;
import org.onewindow.rest.Json;
import org.onewindow.supervision.CardColor;

/**
 * The cards a run found, written over the ones kept: only what differs is written, every card added, changed or removed
 * is journaled for the city hub, all in the caller's transaction. Plain JDBC in batches on the transaction's connection:
 * the morning after a working day changes the days left of nearly every card, and one JPQL update a card took 90 s
 * for 45,000 cards (issue 21); a batch takes a few hundred milliseconds.
 */
final class CardStore {
    /** Rows per JDBC batch, and case numbers per delete (well inside what Derby takes in one IN list). */
    private static final int BATCH = 500;

    private CardStore() {
    }

    /** A card as kept: what a run compares, and since when it has had its colour. */
    private record Kept(CardColor color, int daysLeft, int suspended, String status, String reviewer, LocalDate deadline, Instant since) {
        boolean sameAs(CardEntity card) {
            return color == card.color && daysLeft == card.daysLeft && suspended == card.suspended && Objects.equals(status, card.status)
                    && Objects.equals(reviewer, card.reviewer) && deadline.equals(card.deadline);
        }
    }

    /** Writes {@code cards} (by case number) over the kept ones; answers how many were added, changed or removed. */
    static int store(Connection c, ChangeJournal journal, Map<String, CardEntity> cards, Instant now) throws SQLException {
        Map<String, Kept> kept = kept(c);
        List<String> gone = kept.keySet().stream().filter(no -> !cards.containsKey(no)).sorted().toList();
        List<Map.Entry<String, String>> journaled = new ArrayList<>();
        for (int from = 0; from < gone.size(); from += BATCH) {
            List<String> chunk = gone.subList(from, Math.min(gone.size(), from + BATCH));
            try (PreparedStatement s = c.prepareStatement("DELETE FROM SUPERVISION_CARD WHERE CASE_NO IN ("
                    + Jdbc.placeholders(chunk.size()) + ")")) {
                Jdbc.bind(s, chunk.toArray());
                s.executeUpdate();
            }
            chunk.forEach(no -> journaled.add(Map.entry(no, Json.write(Map.of("caseNo", no, "removed", true)))));
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO SUPERVISION_CARD (COLOR, DAYS_LEFT, SUSPENDED, STATUS, REVIEWER,"
                + " DEADLINE, SINCE, ITEM_CODE, ITEM_NAME, DEPT_CODE, DEPT_NAME, CLERK, CASE_NO) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE SUPERVISION_CARD SET COLOR = ?, DAYS_LEFT = ?, SUSPENDED = ?,"
                        + " STATUS = ?, REVIEWER = ?, DEADLINE = ?, SINCE = ? WHERE CASE_NO = ?")) {
            int inserts = 0;
            int updates = 0;
            for (CardEntity card : cards.values()) {
                Kept old = kept.get(card.caseNo);
                if (old != null && old.sameAs(card)) {
                    continue;
                }
                // a card keeps its "since" while it keeps its colour
                card.since = old != null && old.color == card.color ? old.since : now;
                Object[] changing = {card.color.name(), card.daysLeft, card.suspended, card.status, card.reviewer, Date.valueOf(card.deadline),
                    Timestamp.from(card.since)};
                if (old == null) {
                    Jdbc.bind(insert, concat(changing, card.itemCode, card.itemName, card.departmentCode, card.departmentName, card.clerk,
                            card.caseNo));
                    insert.addBatch();
                    inserts = flushEvery(insert, inserts + 1);
                } else {
                    Jdbc.bind(update, concat(changing, card.caseNo));
                    update.addBatch();
                    updates = flushEvery(update, updates + 1);
                }
                journaled.add(Map.entry(card.caseNo, Json.write(card.toDTO())));
            }
            insert.executeBatch();
            update.executeBatch();
        }
        if (!journaled.isEmpty()) {
            journal.appendAll(c, JpaSupervision.CARD, journaled);
        }
        return journaled.size();
    }

    private static Map<String, Kept> kept(Connection c) throws SQLException {
        Map<String, Kept> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT CASE_NO, COLOR, DAYS_LEFT, SUSPENDED, STATUS, REVIEWER, DEADLINE, SINCE"
                + " FROM SUPERVISION_CARD"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Kept(CardColor.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant()));
            }
        }
        return out;
    }

    /** Sends the batch once it holds {@link #BATCH} rows; answers how many it holds now. */
    private static int flushEvery(PreparedStatement s, int held) throws SQLException {
        if (held < BATCH) {
            return held;
        }
        s.executeBatch();
        return 0;
    }

    private static Object[] concat(Object[] first, Object... rest) {
        Object[] out = new Object[first.length + rest.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(rest, 0, out, first.length, rest.length);
        return out;
    }
}
