package org.onewindow.hub.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.replication.CityRatingsDTO;
import org.onewindow.replication.CityRatingsDTO.DepartmentRatingsDTO;
import org.onewindow.replication.CityRatingsDTO.HallRatingsDTO;
import org.onewindow.replication.DistrictDTO;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The city's 好差评 board from the months' figures the districts replicate ({@code RATING_MONTH}): the halls ranked, and
 * each department's counts summed over the halls and ranked. A month is a few rows per district, never the ratings.
 */
final class CityRatings {
    static final String KIND = "RATING_MONTH";
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };
    private static final Comparator<Row> BEST_FIRST = Comparator.comparing((Row r) -> r.rate() == null ? -1 : r.rate()).reversed()
            .thenComparing(Comparator.comparingLong(Row::ratings).reversed());
    private final DataSource dataSource;

    CityRatings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private record Row(Double rate, long ratings, Object value) {
    }

    /** The month {@code asked} ({@code yyyy-MM}; null: the latest any hall reported). */
    CityRatingsDTO month(String asked, List<DistrictDTO> known) {
        Map<String, String> payloads = new HashMap<>();
        String month = Jdbc.tx(dataSource, c -> {
            String m = asked != null ? asked : latest(c);
            if (m != null) {
                payloads.clear();
                payloads.putAll(payloads(c, m));
            }
            return m;
        });
        List<Row> halls = new ArrayList<>();
        Map<String, long[]> depts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, double[]> scores = new HashMap<>();
        for (DistrictDTO d : known) {
            String payload = payloads.get(d.code);
            if (payload == null) {
                continue;
            }
            Map<String, Object> p = Json.read(payload.getBytes(StandardCharsets.UTF_8), PAYLOAD);
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) p.getOrDefault("total", Map.of());
            halls.add(new Row(rate(total, "satisfactionRate"), count(total, "ratings"), new Object[] {d.code, d.name, total}));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) p.getOrDefault("departments", List.of());
            for (Map<String, Object> r : rows) {
                String code = String.valueOf(r.get("key"));
                long[] sums = depts.computeIfAbsent(code, k -> new long[6]);
                sums[0]++;
                sums[1] += count(r, "services");
                sums[2] += count(r, "ratings");
                sums[3] += count(r, "satisfied");
                sums[4] += count(r, "bad");
                sums[5] += count(r, "rectified");
                Double average = rate(r, "average");
                scores.computeIfAbsent(code, k -> new double[1])[0] += average == null ? 0 : average * count(r, "ratings");
                names.putIfAbsent(code, String.valueOf(r.get("label")));
            }
        }
        halls.sort(BEST_FIRST);
        List<HallRatingsDTO> hallOut = new ArrayList<>();
        for (Row h : halls) {
            Object[] v = (Object[]) h.value();
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) v[2];
            hallOut.add(new HallRatingsDTO(hallOut.size() + 1, (String) v[0], (String) v[1], total));
        }
        List<Row> deptRows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : depts.entrySet()) {
            long[] s = e.getValue();
            deptRows.add(new Row(ratio(s[3], s[2]), s[2], e.getKey()));
        }
        deptRows.sort(BEST_FIRST);
        List<DepartmentRatingsDTO> deptOut = new ArrayList<>();
        for (Row r : deptRows) {
            String code = (String) r.value();
            long[] s = depts.get(code);
            deptOut.add(new DepartmentRatingsDTO(deptOut.size() + 1, code, names.get(code), (int) s[0], s[1], s[2], s[3], ratio(s[3], s[2]),
                    s[2] == 0 ? null : Math.round(scores.get(code)[0] / s[2] * 10_000) / 10_000.0, s[4], s[5], ratio(s[5], s[4])));
        }
        return new CityRatingsDTO(month, hallOut, deptOut);
    }

    private static String latest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(RECORD_KEY) FROM HUB_RECORD WHERE KIND = '" + KIND + "'");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Map<String, String> payloads(Connection c, String month) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTRICT, PAYLOAD FROM HUB_RECORD WHERE KIND = '" + KIND + "' AND RECORD_KEY = ?")) {
            s.setString(1, month);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static long count(Map<String, Object> m, String field) {
        return m.get(field) instanceof Number n ? n.longValue() : 0;
    }

    private static Double rate(Map<String, Object> m, String field) {
        return m.get(field) instanceof Number n ? n.doubleValue() : null;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round((double) part / whole * 10_000) / 10_000.0;
    }
}
