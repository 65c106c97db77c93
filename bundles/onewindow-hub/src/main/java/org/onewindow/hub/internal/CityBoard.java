package org.onewindow.hub.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.replication.CaseIndexEntryDTO;
import org.onewindow.replication.CityLicenceDTO;
import org.onewindow.replication.CityQueueDayDTO;
import org.onewindow.replication.CityStatsDTO;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.core.type.TypeReference;

/** The citywide figures, from the board's tallies; the case index, from {@code HUB_CASE}; the halls' queue days. */
final class CityBoard {
    private static final TypeReference<Map<String, Object>> FIGURES = new TypeReference<>() {
    };
    private final DataSource dataSource;

    CityBoard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The board from the tallies the batches keep ({@link CaseTallies}, {@link OpenCards}): a few rows per district,
     * department and channel, however many cases the city holds.
     */
    CityStatsDTO stats(Districts districts) {
        CityStatsDTO out = new CityStatsDTO();
        out.generatedAt = Instant.now().toString();
        out.districts = districts.list();
        return Jdbc.tx(dataSource, c -> {
            out.byDepartment = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DEPT_CODE, MAX(DEPT_NAME), SUM(CASES) FROM HUB_CASE_SUM"
                    + " GROUP BY DEPT_CODE HAVING SUM(CASES) > 0 ORDER BY 3 DESC, CASE WHEN DEPT_CODE = '' THEN 1 ELSE 0 END, 1");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    CityStatsDTO.Count n = new CityStatsDTO.Count();
                    n.code = rs.getString(1).isEmpty() ? null : rs.getString(1);
                    n.name = rs.getString(2);
                    n.cases = rs.getLong(3);
                    out.byDepartment.add(n);
                }
            }
            out.byChannel = new LinkedHashMap<>();
            long inTime = 0;
            long timed = 0;
            long delivered = 0;
            long oneVisit = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT CHANNEL, SUM(CASES), SUM(IN_TIME), SUM(TIMED), SUM(DELIVERED), SUM(ONE_VISIT)"
                    + " FROM HUB_CASE_SUM GROUP BY CHANNEL HAVING SUM(CASES) > 0 ORDER BY 1");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.byChannel.put(rs.getString(1).isEmpty() ? "UNKNOWN" : rs.getString(1), rs.getLong(2));
                    inTime += rs.getLong(3);
                    timed += rs.getLong(4);
                    delivered += rs.getLong(5);
                    oneVisit += rs.getLong(6);
                }
            }
            out.cases = out.byChannel.values().stream().mapToLong(Long::longValue).sum();
            out.onlineShare = out.cases == 0 ? null : out.byChannel.getOrDefault("ONLINE", 0L) / (double) out.cases;
            out.inTimeRate = timed == 0 ? null : inTime / (double) timed;
            out.oneVisitRate = delivered == 0 ? null : oneVisit / (double) delivered;
            out.openCards = OpenCards.count(c);
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(LICENCES), 0) FROM HUB_DISTRICT");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                out.licences = rs.getLong(1);
            }
            return out;
        });
    }

    /** A district's cases in the index, by case number, after {@code after}, at most {@code size}. */
    List<CaseIndexEntryDTO> cases(String district, String after, int size) {
        return Jdbc.tx(dataSource, c -> {
            List<CaseIndexEntryDTO> out = new ArrayList<>();
            // the limit in the query, not only the driver's: PostgreSQL then walks HUB_CASE_DISTRICT from the position for the
            // page's rows instead of sorting all the district's cases after it (1,000,000 cases: p50 212 ms a page before)
            try (PreparedStatement s = c.prepareStatement("SELECT CASE_NO, DISTRICT, ITEM_CODE, DEPT_CODE, CHANNEL, STATUS, SEQ FROM HUB_CASE"
                    + " WHERE DISTRICT = ? AND CASE_NO > ? ORDER BY CASE_NO FETCH FIRST ? ROWS ONLY")) {
                s.setString(1, district);
                s.setString(2, after == null ? "" : after);
                s.setInt(3, size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    /** One case's entry in the index, by its number (the primary key), or null. */
    CaseIndexEntryDTO caseEntry(String caseNo) {
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT CASE_NO, DISTRICT, ITEM_CODE, DEPT_CODE, CHANNEL, STATUS, SEQ FROM HUB_CASE"
                    + " WHERE CASE_NO = ?")) {
                s.setString(1, caseNo);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? entry(rs) : null;
                }
            }
        });
    }

    /** The index's columns only: nothing about the applicant (the payload stays in the table). */
    private static CaseIndexEntryDTO entry(ResultSet rs) throws SQLException {
        CaseIndexEntryDTO e = new CaseIndexEntryDTO();
        e.caseNo = rs.getString(1);
        e.district = rs.getString(2);
        e.itemCode = rs.getString(3);
        e.departmentCode = rs.getString(4);
        e.channel = rs.getString(5);
        e.status = rs.getString(6);
        e.seq = rs.getLong(7);
        return e;
    }

    /**
     * Each district's queue on {@code asked} (null: the latest day any district reported), as it last replicated it, in the
     * order of {@code known} (the districts).
     */
    List<CityQueueDayDTO> queueDays(LocalDate asked, List<DistrictDTO> known) {
        QueueDayRecords found = Jdbc.tx(dataSource, c -> {
            String day = asked != null ? asked.toString() : latestQueueDay(c);
            return new QueueDayRecords(day, day == null ? Map.of() : queueDayPayloads(c, day));
        });
        List<CityQueueDayDTO> out = new ArrayList<>();
        for (DistrictDTO d : known) {
            String payload = found.byDistrict().get(d.code);
            if (payload != null) {
                out.add(new CityQueueDayDTO(d.code, d.name, found.day(), Json.read(payload.getBytes(StandardCharsets.UTF_8), FIGURES)));
            }
        }
        return out;
    }

    /** The districts' {@code QUEUE_DAY} payloads of one day. */
    private record QueueDayRecords(String day, Map<String, String> byDistrict) {
    }

    private static String latestQueueDay(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(RECORD_KEY) FROM HUB_RECORD WHERE KIND = 'QUEUE_DAY'");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Map<String, String> queueDayPayloads(Connection c, String day) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTRICT, PAYLOAD FROM HUB_RECORD WHERE KIND = 'QUEUE_DAY' AND RECORD_KEY = ?")) {
            s.setString(1, day);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
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
}
