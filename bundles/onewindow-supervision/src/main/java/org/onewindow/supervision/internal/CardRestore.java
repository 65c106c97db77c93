package org.onewindow.supervision.internal;

import java.io.IOException;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.db.JournalRestore;
import org.onewindow.db.RestoreNote;
import org.onewindow.db.Transactions;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.rest.Json;
import org.onewindow.supervision.CardDTO;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Puts supervision cards back as the city hub holds them, after this appliance was restored from an older copy: the
 * kept cards are then the hub's, so the next supervision run journals exactly where the cases as restored now differ.
 */
@Component(service = JournalRestore.class)
public class CardRestore implements JournalRestore {
    private static final ObjectReader CARDS = Json.mapper().readerFor(CardDTO.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Reference(target = "(osgi.unit.name=onewindow-supervision)")
    JpaTemplate jpa;

    @Reference
    ChangeJournal journal;

    @Override
    public Set<String> kinds() {
        return Set.of(JpaSupervision.CARD);
    }

    @Override
    public List<RestoreNote> restore(List<JournalEntry> records, Set<String> changedHere) {
        return Transactions.required(jpa, em -> {
            for (JournalEntry r : records) {
                if (changedHere.contains(r.key)) {
                    continue; // written here since: the next run makes it again from the case
                }
                JsonNode node = parse(r);
                CardEntity kept = em.find(CardEntity.class, r.key);
                if (node.path("removed").asBoolean(false)) {
                    if (kept != null) {
                        em.remove(kept);
                    }
                    continue;
                }
                CardDTO d = card(r, node);
                CardEntity c = kept != null ? kept : new CardEntity();
                c.caseNo = r.key;
                c.color = d.color;
                c.status = d.status;
                c.itemCode = d.itemCode;
                c.itemName = d.itemName;
                c.departmentCode = d.departmentCode;
                c.departmentName = d.departmentName;
                c.clerk = d.clerk;
                c.reviewer = d.reviewer;
                c.deadline = LocalDate.parse(d.deadline);
                c.daysLeft = d.workingDaysLeft == null ? 0 : d.workingDaysLeft;
                c.suspended = d.suspended ? 1 : 0;
                c.since = d.since == null ? InstantColumns.now() : Instant.parse(d.since);
                if (kept == null) {
                    em.persist(c);
                }
            }
            return List.<RestoreNote>of();
        });
    }

    private static CardDTO card(JournalEntry r, JsonNode node) {
        try {
            return CARDS.readValue(node);
        } catch (IOException e) {
            throw new IllegalArgumentException("the hub's card record #" + r.seq + " (" + r.key + ") is not a card", e);
        }
    }

    private static JsonNode parse(JournalEntry r) {
        try {
            return Json.mapper().readTree(r.payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the hub's card record #" + r.seq + " (" + r.key + ") is not JSON", e);
        }
    }

    @Override
    public void journalAgain(String kind, Collection<String> keys) {
        Transactions.required(jpa, em -> {
            List<Map.Entry<String, String>> records = new ArrayList<>();
            for (String no : keys) {
                CardEntity c = em.find(CardEntity.class, no);
                records.add(Map.entry(no, c == null ? Json.write(Map.of("caseNo", no, "removed", true)) : Json.write(c.toDTO())));
            }
            if (!records.isEmpty()) {
                journal.appendAll(em.unwrap(Connection.class), kind, records);
            }
            return null;
        });
    }
}
