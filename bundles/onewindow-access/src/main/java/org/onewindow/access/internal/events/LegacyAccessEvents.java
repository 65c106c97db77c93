package org.onewindow.access.internal.events;

import javax.sql.DataSource;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves what the access log held before the audit trail ({@code ACCESS_EVENT}) into the trail, in one transaction with
 * their deletion, each with its own time: the table is left empty (it is not dropped in this release), and the log's
 * history is read through the trail like the rest.
 */
public final class LegacyAccessEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyAccessEvents.class);

    private LegacyAccessEvents() {
    }

    public static void move(DataSource dataSource, AuditTrail trail) {
        int moved = Jdbc.tx(dataSource, c -> trail.adopt(c,
                "SELECT ID, EVENT_AT, EVENT, USER_NAME, CLIENT, CHANNEL, ACTOR, DETAIL FROM ACCESS_EVENT ORDER BY ID", rs -> {
                    String detail = "moved from ACCESS_EVENT #" + rs.getLong(1) + (rs.getString(8) == null ? "" : ": " + rs.getString(8));
                    AccessEvent event = known(rs.getString(3));
                    AuditEvent e = event == null ? AuditEvent.by(rs.getString(3), rs.getString(7) == null ? rs.getString(4) : rs.getString(7))
                            : AccessEvents.event(event, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null);
                    return e.detail(detail).at(rs.getTimestamp(2).toInstant());
                }, "DELETE FROM ACCESS_EVENT"));
        if (moved > 0) {
            LOG.info("{} events of the access log moved into the audit trail", moved);
        }
    }

    private static AccessEvent known(String name) {
        try {
            return AccessEvent.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;
        }
    }
}
