package org.onewindow.licences.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.onewindow.catalog.LicenceTypeDTO;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.DbFailures;
import org.onewindow.db.Transactions;
import org.onewindow.db.jpa.InstantColumns;
import org.onewindow.licences.LicenceDTO;
import org.onewindow.licences.LicenceImportDTO;
import org.onewindow.licences.LicenceStatus;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;
import org.onewindow.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changes the library: a licence issued in the approval's own transaction, a bulk import (checked row by row, all
 * or nothing), a revocation. Every licence written or revoked is journaled in the same transaction.
 */
final class LicenceWrites {
    private static final Logger LOG = LoggerFactory.getLogger(LicenceWrites.class);
    private static final int MAX_DETAILS = 1000;

    private final JpaTemplate jpa;
    private final ChangeJournal journal;
    private final LicenceTypes types;
    private final ZoneId zone;
    private final int maxImportRows;

    LicenceWrites(JpaTemplate jpa, ChangeJournal journal, LicenceTypes types, ZoneId zone, int maxImportRows) {
        this.jpa = jpa;
        this.journal = journal;
        this.types = types;
        this.zone = zone;
        this.maxImportRows = maxImportRows;
    }

    /** See {@link org.onewindow.licences.LicenceService#issue}: in the caller's transaction, which a taken number rolls back whole. */
    LicenceDTO issue(NewLicenceDTO licence, Connection transaction, String actor) {
        List<ProblemDetail> problems = new ArrayList<>();
        LicenceRow row = LicenceRows.check(licence, licence == null || licence.number == null ? "licence" : licence.number,
                types.byCode(), today(), problems);
        if (row == null) {
            throw new Problem(ProblemKind.BAD_REQUEST, "LICENCE_INVALID", "证照信息不完整，不能签发："
                    + problems.stream().map(Object::toString).collect(Collectors.joining("；")), problems);
        }
        try {
            // a taken number is refused by the unique index: the caller's transaction then rolls back whole
            LicenceRows.insert(transaction, List.of(row), actor);
            LicenceJournal.record(journal, transaction, List.of(LicenceEntity.of(row)));
        } catch (SQLException e) {
            if (DbFailures.isUniqueViolation(e)) {
                throw new Problem(ProblemKind.CONFLICT, "LICENCE_EXISTS", "证照库中已有 " + row.type + " " + row.number);
            }
            throw new PersistenceException("Licence " + row.key() + " not written", e);
        }
        LOG.info("Licence {} issued to {} for case {} by {}", row.key(), IdNumbers.mask(row.holderId), row.caseNo, actor);
        return LicenceEntity.of(row).toDTO(today(), types.names().get(row.type));
    }

    /** A bulk import by an administrator: every row checked first, then all written in one transaction, or none. */
    LicenceImportDTO importLicences(List<NewLicenceDTO> rows, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN));
        if (rows == null || rows.isEmpty()) {
            throw Problem.badRequest("LICENCES_INVALID", "导入文件中没有证照");
        }
        if (rows.size() > maxImportRows) {
            throw Problem.badRequest("LICENCES_INVALID", "一次最多导入 " + maxImportRows + " 条证照，当前 " + rows.size()
                    + " 条；请分文件导入");
        }
        long started = System.nanoTime();
        Map<String, LicenceTypeDTO> known = types.byCode();
        LocalDate today = today();
        List<ProblemDetail> problems = new ArrayList<>();
        List<LicenceRow> checked = new ArrayList<>(rows.size());
        List<String> labels = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String label = "#" + (i + 1);
            labels.add(label);
            checked.add(LicenceRows.check(rows.get(i), label, known, today, problems));
        }
        refuseIf(problems, rows.size());
        refuseIf(LicenceRows.duplicates(checked, labels, Set.of()), rows.size());
        int imported = insertAll(checked, labels, actor.name());
        LicenceImportDTO out = new LicenceImportDTO();
        out.imported = imported;
        out.millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("{} licences imported by {} in {} ms", imported, actor, out.millis);
        return out;
    }

    /**
     * Writes checked rows in one transaction. The insert goes first: the unique index finds a taken
     * number far faster than looking each one up beforehand; only a refused file is looked up, to name its rows.
     */
    private int insertAll(List<LicenceRow> checked, List<String> labels, String actor) {
        try {
            return tx(em -> {
                try {
                    Connection connection = em.unwrap(Connection.class);
                    LicenceRows.insert(connection, checked, actor);
                    LicenceJournal.record(journal, connection, checked.stream().map(LicenceEntity::of).collect(Collectors.toList()));
                } catch (SQLException e) {
                    if (DbFailures.isUniqueViolation(e)) {
                        throw new Problem(ProblemKind.CONFLICT, "LICENCE_EXISTS", "导入的证照编号已在证照库中，本次导入未生效");
                    }
                    throw new PersistenceException("Licence import not written", e);
                }
                return checked.size();
            });
        } catch (Problem e) {
            if (!"LICENCE_EXISTS".equals(e.code())) {
                throw e;
            }
            refuseIf(tx(em -> {
                try {
                    return LicenceRows.duplicates(checked, labels, LicenceRows.existing(em.unwrap(Connection.class), checked));
                } catch (SQLException s) {
                    throw new PersistenceException("Licence numbers not checked", s);
                }
            }), checked.size());
            // taken by another import that has since been rolled back: say so plainly
            throw new Problem(ProblemKind.CONFLICT, "LICENCE_EXISTS", "导入期间另一次导入写入了相同的证照编号，本次导入未生效，请重试");
        }
    }

    private static void refuseIf(List<ProblemDetail> problems, int rows) {
        if (problems.isEmpty()) {
            return;
        }
        long bad = problems.stream().map(p -> p.item).distinct().count();
        throw new Problem(ProblemKind.BAD_REQUEST, "LICENCES_INVALID", "导入被拒绝，未做任何修改：" + rows + " 条中有 " + bad
                + " 条有误，共 " + problems.size() + " 处：" + problems.stream().limit(5).map(Object::toString)
                        .collect(Collectors.joining("；")) + (problems.size() > 5 ? "……" : ""),
                problems.size() > MAX_DETAILS ? problems.subList(0, MAX_DETAILS) : problems);
    }

    /** Revoked by the issuing department or an administrator, with a reason; journaled in the same transaction. */
    LicenceDTO revoke(String type, String number, String reason, Actor actor) {
        actor.requireAny(Set.of(Actor.ADMIN, Actor.REVIEWER));
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw Problem.badRequest("INVALID_REVOCATION", "reason 必填：撤销理由（不超过 500 字）");
        }
        LocalDate today = today();
        Map<String, String> names = types.names();
        LicenceDTO revoked = tx(em -> {
            LicenceEntity l = LicenceEntity.find(em, type, number, true);
            if (!actor.has(Actor.ADMIN) && !actor.worksFor(l.issuerCode)) {
                throw new Problem(ProblemKind.FORBIDDEN, "FORBIDDEN", "只有发证部门（" + l.issuerName + "）或管理员可以撤销此证照");
            }
            if (l.status == LicenceStatus.REVOKED) {
                throw new Problem(ProblemKind.CONFLICT, "ALREADY_REVOKED", "证照 " + l.number + " 已于 " + l.revokedAt + " 撤销");
            }
            l.status = LicenceStatus.REVOKED;
            l.revokedAt = InstantColumns.now();
            l.revocationReason = reason.strip();
            em.flush();
            LicenceJournal.record(journal, em.unwrap(Connection.class), List.of(l));
            return l.toDTO(today, names.get(l.type));
        });
        LOG.info("Licence {} {} of {} revoked by {}", revoked.type, revoked.number, IdNumbers.mask(revoked.holderId), actor);
        return revoked;
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    private <R> R tx(Function<EntityManager, R> work) {
        return Transactions.required(jpa, work);
    }
}
