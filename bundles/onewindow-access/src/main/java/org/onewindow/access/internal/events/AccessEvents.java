package org.onewindow.access.internal.events;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;

/**
 * The access log ({@code ACCESS_EVENT}): logins, failures, lock-outs and every change to an account.
 * Names given at a login are kept as given only if short and printable: a stranger's input is not
 * trusted into the log.
 */
public final class AccessEvents {
    private final DataSource dataSource;

    public AccessEvents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(Instant at, AccessEvent event, String user, String client, String channel, String actor, String detail) {
        Jdbc.tx(dataSource, c -> Jdbc.update(c, "INSERT INTO ACCESS_EVENT (EVENT_AT, EVENT, USER_NAME, CLIENT, CHANNEL, ACTOR, DETAIL)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", at, event.name(), clean(user, 64), clean(client, 64), channel, clean(actor, 64),
                clean(detail, 500)));
    }

    /**
     * The newest events first, of one user or all, of some kinds or all, between two instants (either open).
     * {@code size} is at most 1000.
     */
    public List<AccessEventDTO> list(String user, List<AccessEvent> kinds, Instant from, Instant to, int size) {
        StringBuilder sql = new StringBuilder("SELECT ID, EVENT_AT, EVENT, USER_NAME, CLIENT, CHANNEL, ACTOR, DETAIL FROM ACCESS_EVENT WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (user != null) {
            sql.append(" AND USER_NAME = ?");
            values.add(user);
        }
        if (kinds != null && !kinds.isEmpty()) {
            sql.append(" AND EVENT IN (").append(String.join(", ", kinds.stream().map(k -> "?").toList())).append(")");
            kinds.forEach(k -> values.add(k.name()));
        }
        if (from != null) {
            sql.append(" AND EVENT_AT >= ?");
            values.add(from);
        }
        if (to != null) {
            sql.append(" AND EVENT_AT < ?");
            values.add(to);
        }
        sql.append(" ORDER BY ID DESC");
        return Jdbc.tx(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                Jdbc.bind(s, values.toArray());
                s.setMaxRows(Math.max(1, Math.min(size, 1000)));
                List<AccessEventDTO> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AccessEventDTO(rs.getLong(1), Jdbc.instant(rs.getTimestamp(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    /** Printable text cut to {@code max}; control characters become spaces. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().limit(max).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
        return out.length() > max ? out.substring(0, max) : out.toString();
    }
}
