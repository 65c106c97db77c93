package org.onewindow.hub.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.onewindow.db.Jdbc;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemKind;
import org.onewindow.replication.AckDTO;
import org.onewindow.replication.DistrictState;
import org.onewindow.replication.RebaseDTO;
import org.onewindow.replication.ReconciliationPageDTO;
import org.onewindow.replication.RecordDTO;

/**
 * The hub as every district's off-site copy: a district restored from an older copy of its data takes back its own
 * records the hub holds after the last number both agree on, page by page (the latest state of each case, licence,
 * card, and case decided for another district, with the number of that state), and then rebases its journal past what
 * the hub acknowledged, after which the hub takes its batches again. Only the signing district's own records are given.
 * While the district is refused as rewound nothing of it is applied, so the pages it reads do not move under it.
 */
final class Reconciliations {
    static final int MAX_PAGE = 1000;
    private final DataSource dataSource;

    Reconciliations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The district's records after {@code after}, oldest first, at most {@code limit}. */
    ReconciliationPageDTO page(String district, long after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        return Jdbc.tx(dataSource, c -> {
            ReconciliationPageDTO page = new ReconciliationPageDTO();
            try (PreparedStatement s = c.prepareStatement("SELECT ACKED_SEQ, REWOUND_AT FROM HUB_DISTRICT WHERE CODE = ?")) {
                s.setString(1, district);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    page.acked = rs.getLong(1);
                    page.rewound = rs.getTimestamp(2) != null;
                }
            }
            // cases are kept apart (the board counts them); both tables hold one row per key with the number of its state
            List<RecordDTO> records = new ArrayList<>();
            read(c, "SELECT SEQ, 'CASE', CASE_NO, PAYLOAD FROM HUB_CASE WHERE DISTRICT = ? AND SEQ > ? ORDER BY SEQ", district, after, size + 1,
                    records);
            read(c, "SELECT SEQ, KIND, RECORD_KEY, PAYLOAD FROM HUB_RECORD WHERE DISTRICT = ? AND SEQ > ? ORDER BY SEQ", district, after, size + 1,
                    records);
            records.sort(Comparator.comparingLong(r -> r.seq));
            page.more = records.size() > size;
            page.records = page.more ? new ArrayList<>(records.subList(0, size)) : records;
            return page;
        });
    }

    private static void read(Connection c, String sql, String district, long after, int max, List<RecordDTO> out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, district, after);
            s.setMaxRows(max);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    RecordDTO r = new RecordDTO();
                    r.seq = rs.getLong(1);
                    r.kind = rs.getString(2).strip();
                    r.key = rs.getString(3);
                    r.payload = rs.getString(4);
                    out.add(r);
                }
            }
        }
    }

    /**
     * The district reconciled and goes on after {@code rebase.rebasedAt}, never below what the hub acknowledged (else
     * {@code REBASE_BEHIND}): the hub acknowledges that number, with the district's chosen digest, and takes its batches again.
     */
    AckDTO rebase(String district, RebaseDTO rebase, Instant now) {
        if (rebase == null || rebase.digest == null || !rebase.digest.matches("[0-9a-f]{64}")) {
            throw Problem.badRequest("INVALID_REBASE", "rebasedAt 与 64 位十六进制的 digest 必填");
        }
        return Jdbc.tx(dataSource, c -> {
            long acked;
            boolean rewound;
            try (PreparedStatement s = c.prepareStatement("SELECT STATE, ACKED_SEQ, REWOUND_AT FROM HUB_DISTRICT WHERE CODE = ? FOR UPDATE")) {
                s.setString(1, district);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || DistrictState.valueOf(rs.getString(1)) != DistrictState.APPROVED) {
                        throw new Problem(ProblemKind.FORBIDDEN, "DISTRICT_NOT_APPROVED", "区县 " + district + " 未获批准联网");
                    }
                    acked = rs.getLong(2);
                    rewound = rs.getTimestamp(3) != null;
                }
            }
            if (rebase.rebasedAt < acked) {
                throw new Problem(ProblemKind.CONFLICT, "REBASE_BEHIND", "区县日志须从枢纽已确认的 #" + acked + " 之后继续，而不是 #" + rebase.rebasedAt);
            }
            Jdbc.update(c, "UPDATE HUB_DISTRICT SET ACKED_SEQ = ?, ACKED_DIGEST = ?, JOURNAL_LAST_SEQ = ?, REWOUND_AT = NULL, REWOUND_DETAIL = NULL,"
                    + " RECONCILED_AT = ?, LAST_CONTACT = ?, LAG_MILLIS = NULL WHERE CODE = ?", rebase.rebasedAt, rebase.digest, rebase.rebasedAt,
                    now, now, district);
            Districts.event(c, district, "DISTRICT_RECONCILED", (rewound ? "rewound journal" : "journal") + " reconciled: acknowledged #" + acked
                    + ", the district goes on after #" + rebase.rebasedAt, now);
            AckDTO ack = new AckDTO();
            ack.acked = rebase.rebasedAt;
            ack.verified = Boolean.TRUE;
            return ack;
        });
    }
}
