package org.onewindow.licences.internal;

import java.sql.Connection;
import java.util.List;

import javax.persistence.EntityManager;

import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditQuery;
import org.onewindow.audit.AuditRecord;
import org.onewindow.audit.AuditTrail;
import org.onewindow.licences.AccessEntryDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.security.Actor;

/**
 * Every read of a citizen's licences goes to the audit trail in the reading transaction (action {@code LICENCE_<what>},
 * the holder as the citizen concerned, the case or the stated purpose), and the library's access log is read back from
 * it: {@code /licences/access} and the personal catalog's recent reads. (Until the trail, {@code LICENCE_ACCESS}.)
 */
final class LicenceReads {
    static final String LIST = "LIST";
    static final String VERIFY = "VERIFY";
    /** A licence another district holds, verified through the city hub. */
    static final String CITY_VERIFY = "CITY_VERIFY";
    static final String REUSE_CHECK = "REUSE_CHECK";
    private static final String PREFIX = "LICENCE_";
    private static final List<String> ACTIONS = List.of(PREFIX + LIST, PREFIX + VERIFY, PREFIX + CITY_VERIFY, PREFIX + REUSE_CHECK);
    private static final String PURPOSE = "; purpose: ";

    private LicenceReads() {
    }

    /** {@code actor} read the licences of {@code holder} ({@code what}, one licence or none), for {@code why}, finding {@code results}. */
    static void record(EntityManager em, AuditTrail trail, String what, String holder, Purpose why, Actor actor, String type, String number,
            int results) {
        trail.append(em.unwrap(Connection.class), event(what, holder, why.caseNo(), why.text(), actor.name(), type, number, results).roles(actor.roles())
                .client(actor.client()));
    }

    static AuditEvent event(String what, String holder, String caseNo, String purpose, String actor, String type, String number, int results) {
        return AuditEvent.by(PREFIX + what, actor).on(type == null ? "LICENCE_HOLDER" : "LICENCE", type == null ? null : type + "/" + number)
                .caseNo(caseNo).citizen(holder).detail(results + " found" + (purpose == null ? "" : PURPOSE + purpose));
    }

    /** The reads of {@code holder}'s licences, newest first. */
    static List<AccessEntryDTO> of(AuditTrail trail, String holder, int limit) {
        AuditQuery q = new AuditQuery();
        q.citizenId = holder;
        q.actions = ACTIONS;
        q.limit = limit;
        return trail.search(q).stream().map(LicenceReads::entry).toList();
    }

    private static AccessEntryDTO entry(AuditRecord r) {
        AccessEntryDTO dto = new AccessEntryDTO();
        dto.at = r.at;
        dto.actor = r.actor;
        dto.action = r.action.substring(PREFIX.length());
        dto.caseNo = r.caseNo;
        String detail = r.detail == null ? "" : r.detail;
        int purpose = detail.indexOf(PURPOSE);
        dto.purpose = purpose < 0 ? null : detail.substring(purpose + PURPOSE.length());
        String count = detail.split(" ", 2)[0];
        dto.results = count.matches("\\d{1,9}") ? Integer.parseInt(count) : 0;
        if (r.objectKey != null && r.objectKey.contains("/")) {
            dto.licenceType = r.objectKey.substring(0, r.objectKey.indexOf('/'));
            dto.licenceNo = r.objectKey.substring(r.objectKey.indexOf('/') + 1);
        }
        return dto;
    }

    /** Moves the reads {@code LICENCE_ACCESS} held before the trail into it, with their times, and empties it. */
    static int moveOlderLog(EntityManager em, AuditTrail trail) {
        return trail.adopt(em.unwrap(Connection.class), "SELECT ID, ACCESSED_AT, ACTOR, ACTION, HOLDER_ID, CASE_NO, PURPOSE, LICENCE_TYPE,"
                + " LICENCE_NO, RESULTS FROM LICENCE_ACCESS ORDER BY ID",
                rs -> event(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(3), rs.getString(8), rs.getString(9),
                        rs.getInt(10)).at(rs.getTimestamp(2).toInstant()),
                "DELETE FROM LICENCE_ACCESS");
    }
}
