package org.onewindow.intake.internal.window;

import java.sql.Connection;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.audit.AuditEvent;
import org.onewindow.audit.AuditTrail;
import org.onewindow.db.Transactions;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who read which citizen's case or records goes to the audit trail in the reading transaction itself: a read that
 * could not be recorded fails. (Until the audit trail, these were the rows of {@code INTAKE_AUDIT}, moved into it.)
 */
final class CaseReads {
    static final String READ_CASE = "READ_CASE";
    static final String SEARCH_APPLICANT = "SEARCH_APPLICANT";
    static final String PUBLIC_STATUS = "PUBLIC_STATUS";
    static final String REUSE_MATERIAL = "REUSE_MATERIAL";
    static final String READ_CONTACTS = "READ_CONTACTS";
    /** A result handed out at the window, or an attempt refused: by whose ID number or the pickup code. */
    static final String HAND_OUT = "HAND_OUT";
    /** The window's one search box (case number, pickup code, ID number, name or mobile). */
    static final String LOOK_UP = "LOOK_UP";
    private static final Logger LOG = LoggerFactory.getLogger(CaseReads.class);

    private CaseReads() {
    }

    /** {@code actor} did {@code action} on case {@code caseNo} (none for a search) of the citizen {@code idNumber}. */
    static void record(EntityManager em, AuditTrail trail, String action, Actor actor, String caseNo, String idNumber, String detail) {
        trail.append(em.unwrap(Connection.class), AuditEvent.of(action, actor).on("CASE", caseNo).caseNo(caseNo).citizen(idNumber).detail(detail));
    }

    /** The kiosk's anonymous status look-up, by case number and the last six characters of the ID number. */
    static void publicStatus(EntityManager em, AuditTrail trail, String caseNo, String idNumber) {
        trail.append(em.unwrap(Connection.class), AuditEvent.by(PUBLIC_STATUS, "kiosk").channel("KIOSK").on("CASE", caseNo).caseNo(caseNo)
                .citizen(idNumber));
    }

    /** Moves the rows {@code INTAKE_AUDIT} held before the trail into it (their subject was kept masked: it stays in the detail). */
    static void moveOlderLog(JpaTemplate jpa, AuditTrail trail) {
        int moved = Transactions.required(jpa, em -> trail.adopt(em.unwrap(Connection.class),
                "SELECT ID, EVENT_AT, ACTOR, ACTION, CASE_NO, SUBJECT FROM INTAKE_AUDIT ORDER BY ID",
                rs -> AuditEvent.by(rs.getString(4), rs.getString(3)).on("CASE", rs.getString(5)).caseNo(rs.getString(5))
                        .detail("moved from INTAKE_AUDIT #" + rs.getLong(1) + (rs.getString(6) == null ? "" : ", citizen " + rs.getString(6)))
                        .at(rs.getTimestamp(2).toInstant()),
                "DELETE FROM INTAKE_AUDIT"));
        if (moved > 0) {
            LOG.info("{} reads of cases recorded in INTAKE_AUDIT moved into the audit trail", moved);
        }
    }
}
