package org.onewindow.hub.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.replication.CaseIndexEntryDTO;
import org.onewindow.replication.CityLicenceDTO;
import org.onewindow.replication.CityStatsDTO;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** The citywide figures and the case index, read from {@code HUB_CASE}. */
final class CityBoard {
    private final DataSource dataSource;

    CityBoard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    CityStatsDTO stats(Districts districts) {
        CityStatsDTO out = new CityStatsDTO();
        out.generatedAt = Instant.now().toString();
        out.districts = districts.list();
        return Jdbc.tx(dataSource, c -> {
            out.byDepartment = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT DEPT_CODE, MAX(DEPT_NAME), COUNT(*) FROM HUB_CASE GROUP BY DEPT_CODE ORDER BY 3 DESC, 1");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    CityStatsDTO.Count n = new CityStatsDTO.Count();
                    n.code = rs.getString(1);
                    n.name = rs.getString(2);
                    n.cases = rs.getLong(3);
                    out.byDepartment.add(n);
                }
            }
            out.byChannel = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT CHANNEL, COUNT(*) FROM HUB_CASE GROUP BY CHANNEL ORDER BY 1");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.byChannel.put(rs.getString(1) == null ? "UNKNOWN" : rs.getString(1), rs.getLong(2));
                }
            }
            out.cases = out.byChannel.values().stream().mapToLong(Long::longValue).sum();
            out.onlineShare = out.cases == 0 ? null : out.byChannel.getOrDefault("ONLINE", 0L) / (double) out.cases;
            out.inTimeRate = rate(c, "SELECT SUM(IN_TIME), COUNT(IN_TIME) FROM HUB_CASE");
            out.openCards = openCards(c);
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM HUB_RECORD WHERE KIND = 'LICENCE'");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                out.licences = rs.getLong(1);
            }
            out.oneVisitRate = rate(c, "SELECT SUM(CASE WHEN VISITS <= 1 THEN 1 ELSE 0 END), COUNT(*) FROM HUB_CASE WHERE STATUS = 'DELIVERED'");
            return out;
        });
    }

    /** A district's cases in the index, by case number, after {@code after}, at most {@code size}. */
    List<CaseIndexEntryDTO> cases(String district, String after, int size) {
        return Jdbc.tx(dataSource, c -> {
            List<CaseIndexEntryDTO> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT CASE_NO, ITEM_CODE, DEPT_CODE, CHANNEL, STATUS, SEQ FROM HUB_CASE"
                    + " WHERE DISTRICT = ? AND CASE_NO > ? ORDER BY CASE_NO")) {
                s.setString(1, district);
                s.setString(2, after == null ? "" : after);
                s.setMaxRows(size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        CaseIndexEntryDTO e = new CaseIndexEntryDTO();
                        e.caseNo = rs.getString(1);
                        e.district = district;
                        e.itemCode = rs.getString(2);
                        e.departmentCode = rs.getString(3);
                        e.channel = rs.getString(4);
                        e.status = rs.getString(5);
                        e.seq = rs.getLong(6);
                        out.add(e);
                    }
                }
            }
            return out;
        });
    }

    /** A licence of any district by type and number, or null. */
    CityLicenceDTO licence(String type, String number) {
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTRICT, PAYLOAD FROM HUB_RECORD WHERE KIND = 'LICENCE' AND RECORD_KEY = ?")) {
                s.setString(1, type + "/" + number);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    CityLicenceDTO out = new CityLicenceDTO();
                    out.district = rs.getString(1);
                    out.payload = rs.getString(2);
                    return out;
                }
            }
        });
    }

    /**
     * Cards are few (open cases past their yellow line): their colours are read from the records themselves.
     * A case decided in another district (全市通办) is supervised at both ends: it counts once, in its worst colour.
     */
    private static Map<String, Long> openCards(Connection c) throws SQLException {
        Map<String, String> worst = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT RECORD_KEY, PAYLOAD FROM HUB_RECORD WHERE KIND = 'CARD'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                JsonNode card = Json.mapper().readTree(rs.getString(2));
                String colour = card.path("color").asText();
                if (!card.path("removed").asBoolean() && ("YELLOW".equals(colour) || "RED".equals(colour))) {
                    worst.merge(rs.getString(1), colour, (a, b) -> "RED".equals(a) ? a : b);
                }
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("A card record is not JSON", e);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("YELLOW", worst.values().stream().filter("YELLOW"::equals).count());
        out.put("RED", worst.values().stream().filter("RED"::equals).count());
        return out;
    }

    private static Double rate(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            long all = rs.getLong(2);
            return all == 0 ? null : rs.getLong(1) / (double) all;
        }
    }
}
