package org.onewindow.hub.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onewindow.db.Jdbc;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The supervision cards of the city that are open (yellow or red), by the colour each card record keeps in
 * {@code HUB_RECORD.COLOUR} (V9): the board counts them without reading a card's JSON, however many cards the
 * city's past cases had.
 */
final class OpenCards {
    static final String NONE = "NONE";

    private OpenCards() {
    }

    /** A card record's colour as the board counts it: {@code YELLOW}, {@code RED}, or {@code NONE} (green or removed). */
    static String colour(JsonNode card) {
        return colour(card.path("color").asText(), card.path("removed").asBoolean());
    }

    /** The same of a card record's fields as a batch reads them ({@link RecordFields}). */
    static String colour(RecordFields card) {
        return colour(card.color(), card.removed());
    }

    private static String colour(String colour, boolean removed) {
        return !removed && ("YELLOW".equals(colour) || "RED".equals(colour)) ? colour : NONE;
    }

    /**
     * Yellow and red cards across the city. A case decided in another district (全市通办) is supervised at both ends:
     * it counts once, in its worst colour.
     */
    static Map<String, Long> count(Connection c) throws SQLException {
        Map<String, String> worst = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT RECORD_KEY, COLOUR FROM HUB_RECORD WHERE KIND = 'CARD' AND COLOUR IN ('YELLOW', 'RED')");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                worst.merge(rs.getString(1), rs.getString(2), (a, b) -> "RED".equals(a) ? a : b);
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("YELLOW", worst.values().stream().filter("YELLOW"::equals).count());
        out.put("RED", worst.values().stream().filter("RED"::equals).count());
        return out;
    }

    /** Gives the card records applied before V9 their colour, once; answers how many it classified. */
    static int classify(Connection c) throws SQLException {
        List<Object[]> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTRICT, RECORD_KEY, PAYLOAD FROM HUB_RECORD WHERE KIND = 'CARD' AND COLOUR IS NULL");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        for (Object[] card : found) {
            String colour;
            try {
                JsonNode payload = Json.mapper().readTree((String) card[2]);
                colour = payload == null ? NONE : colour(payload);
            } catch (IOException e) {
                colour = NONE; // the hub took only JSON objects (BatchApplier.payload); a card it cannot read is not counted
            }
            Jdbc.update(c, "UPDATE HUB_RECORD SET COLOUR = ? WHERE DISTRICT = ? AND KIND = 'CARD' AND RECORD_KEY = ?", colour, card[0], card[1]);
        }
        return found.size();
    }
}
